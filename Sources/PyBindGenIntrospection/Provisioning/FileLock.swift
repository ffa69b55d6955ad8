import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive `flock` on a file, held until ``unlock()``; released by the kernel if the process dies, so a
/// provisioning killed half way never blocks the next one.
struct FileLock {
    private let descriptor: Int32

    /// Takes the lock, calling `waiting` once if another process holds it.
    init(path: String, waiting: () -> Void) throws {
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ToolProcess.Failure(description: "cannot open the lock file \(path): errno \(errno)", output: [])
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    close(descriptor)
                    throw ToolProcess.Failure(description: "cannot lock \(path): errno \(errno)", output: [])
                }
            }
        }
    }

    func unlock() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
