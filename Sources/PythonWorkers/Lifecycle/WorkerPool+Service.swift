import ServiceLifecycle

extension WorkerPool: Service {
    /// Runs the pool as a swift-service-lifecycle `Service`: starts the workers, serves calls until graceful
    /// shutdown (or cancellation), then stops with a 5-second grace period.
    public func run() async throws {
        try await start()
        try? await gracefulShutdown()
        await stop(gracePeriod: .seconds(5))
    }
}
