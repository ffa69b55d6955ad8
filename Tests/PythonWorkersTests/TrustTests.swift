import Foundation
import PythonRuntime
import PythonWorkers
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension PythonWorkersTests {
    /// Workers keep faulty or compromised Python away from the host: results are unpickled with a restricted
    /// unpickler, so a worker cannot make the host run code.
    @Suite("Trust: the host never runs code from a worker's bytes")
    struct TrustTests {
        @Test func aResultThatWouldRunCodeIsRefusedAndNothingRan() async throws {
            let target = FileManager.default.temporaryDirectory.appendingPathComponent("pybindgen-\(UUID().uuidString)")
            try await WorkerPool.withPool(configuration()) { pool in
                let error = await workerError {
                    let _: PythonObject = try await pool.call("pool_helpers", "malicious", target.path)
                }
                #expect(error?.code == .untrustedResult)
                #expect(error?.message.contains("names posix.mkdir") == true, "\(String(describing: error))")
                #expect(!FileManager.default.fileExists(atPath: target.path), "os.mkdir did not run in the host")
                let still: Int = try await pool.call("pool_helpers", "echo", 3)
                #expect(still == 3)
                #expect(pool.statistics().allSatisfy { $0.restarts == 0 }, "the worker was not blamed")
            }
        }

        @Test func userClassesNeedTrust() async throws {
            // A folder of its own, so that putting it on the host's path changes nothing for other suites.
            let trusted = PythonWorkersTests.helpers + "/trusted"
            var settings = configuration()
            settings.searchPaths.append(trusted)
            try await WorkerPool.withPool(settings) { pool in
                let refused = await workerError { let _: PythonObject = try await pool.call("trusted_values", "point") }
                #expect(refused?.code == .untrustedResult)
                #expect(refused?.message.contains("trusted_values.Point") == true)
            }
            settings.trustedResultTypes = ["trusted_values.Point"]
            try await WorkerPool.withPool(settings) { pool in
                // The host must be able to import the class to rebuild it.
                let sys = try Python.import("sys")
                if try ![String](sys.path).contains(trusted) { _ = try sys.path.append(trusted) }
                let point: PythonObject = try await pool.call("trusted_values", "point")
                #expect(try Int(point.x) == 1 && Int(point.y) == 2)
            }
        }

        @Test func onlyTheWorkersOwnDescriptorsSurviveIntoIt() async throws {
            // A descriptor the host opened without close-on-exec, as C libraries sometimes do.
            let inheritable = open("/dev/null", O_RDONLY)
            #expect(inheritable > 4)
            defer { close(inheritable) }
            try await WorkerPool.withPool(configuration(workers: 1)) { pool in
                let descriptors: [Int] = try await pool.call("pool_helpers", "open_fds")
                #expect(!descriptors.contains(Int(inheritable)), "\(descriptors)")
                #expect(descriptors.filter { $0 <= 4 } == [0, 1, 2, 3, 4])
                #expect(descriptors.filter { $0 > 4 }.count <= 1, "only listdir's own: \(descriptors)")
            }
        }

        @Test func standardValueTypesArriveByDefault() async throws {
            try await WorkerPool.withPool(configuration()) { pool in
                let values: [PythonObject] = try await pool.call("pool_helpers", "standard_values")
                #expect(
                    values.map(\.typeName) == [
                        "datetime.date", "datetime.timedelta", "decimal.Decimal", "fractions.Fraction",
                        "collections.OrderedDict", "collections.Counter", "uuid.UUID", "pathlib.PurePosixPath",
                        "ipaddress.IPv4Address", "set", "complex",
                    ])
            }
        }
    }
}
