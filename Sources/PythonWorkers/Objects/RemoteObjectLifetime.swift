import CPython
import PythonRuntime
import Synchronization

/// The life of one object in a worker's object table, shared by every Swift copy of its ``RemoteObject``: when
/// the last copy goes (or ``RemoteObject/release()`` is called), the pool sends the worker a release.
///
/// A handle passed as an argument travels as a Python `RemoteReference` that retains this lifetime through a
/// capsule, so the object cannot be released while a call that names it is being encoded or sent.
final class RemoteObjectLifetime: Sendable {
    /// The pool, kept alive by its handles.
    let pool: WorkerPool
    let worker: WorkerID
    /// The worker process that holds the object (a restarted worker's table is new).
    let generation: Int
    let objectID: UInt64
    let typeName: String
    private let released = Atomic(false)

    init(pool: WorkerPool, worker: WorkerID, generation: Int, objectID: UInt64, typeName: String) {
        self.pool = pool
        self.worker = worker
        self.generation = generation
        self.objectID = objectID
        self.typeName = typeName
    }

    deinit {
        if !released.load(ordering: .acquiring) {
            pool.core.releaseObject(objectID, slot: worker.slot, generation: generation)
        }
    }

    var isReleased: Bool { released.load(ordering: .acquiring) }

    /// Releases the object now; later uses fail with ``WorkerError/Code/objectReleased``. Idempotent.
    func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        pool.core.releaseObject(objectID, slot: worker.slot, generation: generation)
    }

    /// What the handle is called in error messages.
    var name: String { "\(typeName) object \(objectID) on \(worker)" }

    // MARK: - Capsules

    private static let capsuleName: StaticString = "swift_pybindgen.remote_object"

    private static var capsuleNamePointer: UnsafePointer<CChar> {
        UnsafeRawPointer(capsuleName.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// A capsule that retains this lifetime until Python drops it. The caller holds the GIL.
    func capsule() throws(PythonError) -> PythonObject {
        let retained = Unmanaged.passRetained(self)
        let destructor: @convention(c) (PyObjectPointer?) -> Void = { capsule in
            guard let capsule, let raw = PyCapsule_GetPointer(capsule, RemoteObjectLifetime.capsuleNamePointer)
            else { return }
            Unmanaged<RemoteObjectLifetime>.fromOpaque(raw).release()
        }
        let capsule = PyCapsule_New(retained.toOpaque(), Self.capsuleNamePointer, destructor)
        if capsule == nil { retained.release() }
        return try PythonObject(checkingNew: capsule)
    }

    /// The lifetime a capsule made by ``capsule()`` retains, or `nil` for any other object. The caller holds
    /// the GIL.
    static func from(capsule: PyObjectPointer) -> RemoteObjectLifetime? {
        guard PyCapsule_IsValid(capsule, capsuleNamePointer) != 0,
            let raw = PyCapsule_GetPointer(capsule, capsuleNamePointer)
        else { return nil }
        return Unmanaged<RemoteObjectLifetime>.fromOpaque(raw).takeUnretainedValue()
    }
}
