import Foundation
import PyBindGenIntrospection
import PythonCluster
import PythonRuntime
import PythonWorkers
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A real Dask cluster on 127.0.0.1 for one test: `dask scheduler` and two `dask worker` processes from a
/// virtual environment provisioned once (dask[distributed] from PyPI) in the user's cache.
struct DaskTestCluster {
    static let daskVersion = "2026.8.0"
    static let helpers = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PythonWorkersTests/Python").path

    let address: String
    let processGroups: [Int32]

    /// The provisioned environment (created on first use, with pip's output shown).
    static let environment: Result<URL, any Error> = Result {
        let versions = try Python.versions()
        let minor = versions.python.split(separator: ".").prefix(2).joined(separator: ".")
        // The same cache as pybindgen's typing environment ($PYBINDGEN_CACHE_DIR, $XDG_CACHE_HOME, ~/.cache).
        let cache = TypingEnvironment.cacheDirectory()
        let directory = URL(fileURLWithPath: cache).appendingPathComponent("dask-python\(minor)-\(daskVersion)")
        let marker = directory.appendingPathComponent(".complete")
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: directory)
            try run(versions.executable, ["-m", "venv", directory.path])
            try run(
                directory.appendingPathComponent("bin/pip").path,
                ["install", "--disable-pip-version-check", "dask[distributed]==\(daskVersion)"])
            _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
        }
        // The embedded interpreter imports Dask's client from the same environment the cluster runs.
        let sitePackages = directory.appendingPathComponent("lib/python\(minor)/site-packages").path
        _ = try Python.run("import site\nsite.addsitedir(\(String(reflecting: sitePackages)))")
        return directory
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw WorkerError(.startupFailed, "\(executable) \(arguments.joined(separator: " ")) failed")
        }
    }

    /// A port nobody listens on right now.
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(fd, pointer, length)
                return getsockname(fd, pointer, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// PEM files of a throw-away certificate authority and one certificate (for 127.0.0.1) it signed.
    struct Certificates {
        var ca: String
        var certificate: String
        var key: String

        static func make(in directory: URL) throws -> Certificates {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let script = """
                set -e
                cd '\(directory.path)'
                openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 1 -subj /CN=test-ca
                openssl req -newkey rsa:2048 -nodes -keyout node.key -out node.csr -subj /CN=localhost
                printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext
                openssl x509 -req -in node.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out node.pem -days 1 \\
                    -extfile san.ext
                """
            try run("/bin/sh", ["-c", script + " 2>/dev/null"])
            return Certificates(
                ca: directory.appendingPathComponent("ca.pem").path,
                certificate: directory.appendingPathComponent("node.pem").path,
                key: directory.appendingPathComponent("node.key").path)
        }

        var security: DaskSecurity { DaskSecurity(caFile: ca, certificateFile: certificate, keyFile: key) }
        var arguments: [String] { ["--tls-ca-file", ca, "--tls-cert", certificate, "--tls-key", key] }
    }

    /// Starts a scheduler and `workers` workers (each under its Nanny), each in its own process group; with
    /// `tls`, every connection is TLS with those certificates.
    static func start(workers: Int = 2, tls: Certificates? = nil) throws -> DaskTestCluster {
        let bin = try environment.get().appendingPathComponent("bin").path
        let port = freePort()
        let address = "\(tls == nil ? "tcp" : "tls")://127.0.0.1:\(port)"
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONPATH"] = helpers + ":" + helpers + "/trusted"
        environment["DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES"] = "1"
        environment["DASK_DISTRIBUTED__WORKER__DAEMON"] = "False"
        var groups: [Int32] = []
        func launch(_ arguments: [String]) throws {
            // Foundation starts the child as the leader of a new process group, which its Nanny and worker
            // processes join: killing the group stops them all.
            let process = Process()
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            groups.append(process.processIdentifier)
        }
        let tlsArguments = tls?.arguments ?? []
        try launch(
            ["\(bin)/dask", "scheduler", "--host", "127.0.0.1", "--port", "\(port)", "--no-dashboard"]
                + (tls == nil ? [] : ["--protocol", "tls"]) + tlsArguments)
        for index in 0..<workers {
            try launch(
                [
                    "\(bin)/dask", "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                    "--name", "worker-\(index)",
                ] + tlsArguments)
        }
        return DaskTestCluster(address: address, processGroups: groups)
    }

    /// Kills every process the cluster started (scheduler, nannies, workers).
    func stop() {
        for group in processGroups { kill(-group, SIGKILL) }
        for group in processGroups { var status: Int32 = 0; waitpid(group, &status, 0) }
    }

    /// Runs `body` with a started cluster and a connected client; everything is stopped afterwards, also when
    /// `body` fails.
    static func with(
        workers: Int = 2, tls: Certificates? = nil, trustedResultTypes: Set<String> = [],
        _ body: (DaskCluster, DaskTestCluster) async throws -> Void
    ) async throws {
        let cluster = try start(workers: workers, tls: tls)
        defer { cluster.stop() }
        let client = try await DaskCluster.connect(
            to: cluster.address, security: tls?.security, connectTimeout: .seconds(30),
            trustedResultTypes: trustedResultTypes)
        do {
            try await client.waitForWorkers(workers)
            try await body(client, cluster)
        } catch {
            await client.close()
            throw error
        }
        await client.close()
    }
}
