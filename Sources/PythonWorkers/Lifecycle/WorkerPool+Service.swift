import ServiceLifecycle

extension WorkerPool: Service {
    /// Runs the pool as a swift-service-lifecycle `Service`: starts the workers and serves calls until graceful
    /// shutdown or cancellation (then stops with a 5-second grace period and returns), or until the pool stops
    /// by itself — then it throws why (e.g. ``WorkerError/Code/restartIntensityExceeded``), so the
    /// `ServiceGroup` sees its service fail. A ``stop(gracePeriod:)`` called elsewhere makes it return.
    public func run() async throws {
        try await start()
        let ended = await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await core.waitUntilStopped()
            } onGracefulShutdown: {
                Task { await self.stop(gracePeriod: .seconds(5)) }
            }
        } onCancel: {
            Task { await self.stop(gracePeriod: .seconds(5)) }
        }
        if ended.code != .poolStopped { throw ended }
    }
}
