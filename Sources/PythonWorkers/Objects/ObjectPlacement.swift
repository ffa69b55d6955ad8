/// Where a call that names handles must run: the one worker process that holds every object it names.
struct ObjectPlacement {
    var worker: WorkerID
    var generation: Int

    /// The placement of a call naming `handles`, or `nil` if it names none (any worker may run it).
    /// - Throws: ``WorkerError`` `object-released` for a released handle, `objects-on-different-workers` for
    ///   handles of two workers (or of another pool).
    static func of(_ handles: [RemoteObjectLifetime], in pool: WorkerPool, call: String) throws(WorkerError)
        -> ObjectPlacement?
    {
        guard let first = handles.first else { return nil }
        for handle in handles {
            if handle.isReleased {
                throw WorkerError(
                    .objectReleased,
                    "\(call) names \(handle.name), whose handle was released; the object no longer exists",
                    worker: handle.worker)
            }
            if handle.pool !== pool {
                throw WorkerError(
                    .objectsOnDifferentWorkers,
                    "\(call) names \(handle.name), which belongs to another worker pool; an object is reached only "
                        + "through the pool that holds it", worker: handle.worker)
            }
            if handle.worker != first.worker || handle.generation != first.generation {
                throw WorkerError(
                    .objectsOnDifferentWorkers,
                    "\(call) names \(first.name) and \(handle.name): objects of different workers cannot meet in "
                        + "one call. Make them on one worker (pass one to the call that makes the other), or pass "
                        + "values or opaque values instead", worker: first.worker)
            }
        }
        return ObjectPlacement(worker: first.worker, generation: first.generation)
    }
}
