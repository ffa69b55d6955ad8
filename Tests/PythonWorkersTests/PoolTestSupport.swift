import Foundation
import PythonRuntime
import PythonWorkers
import Synchronization
import Testing

/// All worker-pool suites, run one after another: they start real processes and some measure time.
@Suite("PythonWorkers", .serialized)
struct PythonWorkersTests {}

extension PythonWorkersTests {
    /// Folder holding `pool_helpers.py`, put on the workers' `sys.path`.
    static let helpers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Python")
        .path

    /// A configuration with the helpers on the path and a generous default timeout.
    static func configuration(
        workers: Int = 2, timeout: Duration = .seconds(30), scheduler: any WorkerScheduler = RoundRobinScheduler(),
        intensity: RestartIntensity = RestartIntensity(maximumRestarts: 5, within: .seconds(10)),
        output: (@Sendable (WorkerOutput) -> Void)? = { _ in }
    ) -> WorkerPoolConfiguration {
        WorkerPoolConfiguration(
            workerCount: workers, searchPaths: [helpers], callTimeout: timeout, restartIntensity: intensity,
            scheduler: scheduler, outputHandler: output)
    }

    /// The error `body` throws, as a `WorkerError`.
    static func workerError(_ body: () async throws -> Void) async -> WorkerError? {
        do {
            try await body()
            return nil
        } catch let error as WorkerError {
            return error
        } catch {
            Issue.record("expected a WorkerError, got \(error)")
            return nil
        }
    }

    /// Waits until `condition` holds (polling), up to `timeout`.
    static func eventually(
        within timeout: Duration = .seconds(10), _ condition: () -> Bool
    ) async -> Bool {
        let end = ContinuousClock.now + timeout
        while ContinuousClock.now < end {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}

/// Counts bytes and lines a worker printed.
final class OutputCounter: Sendable {
    private let counts = Mutex((bytes: 0, lines: 0, stderr: [String]()))

    func record(_ output: WorkerOutput) {
        counts.withLock {
            $0.bytes += output.line.utf8.count + 1
            $0.lines += 1
            if output.stream == .stderr { $0.stderr.append(output.line) }
        }
    }

    var bytes: Int { counts.withLock { $0.bytes } }
    var stderrLines: [String] { counts.withLock { $0.stderr } }
}
