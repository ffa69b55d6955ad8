import Foundation
import PyBindGenCore
import Testing

/// `requirements` in `pybindgen.json`, provisioned by the `pybindgen` executable with real pip from the package
/// index into a cache folder of this suite's own (empty when the suite starts): once, locked, honoured, offline
/// once provisioned, and every bad input a clear error that leaves nothing half installed.
@Suite("Package environments from declared requirements", .serialized)
struct PackageEnvironmentTests {
    static let cache = FileManager.default.temporaryDirectory.appendingPathComponent(
        "pybindgen-environments-\(UUID().uuidString)")

    /// An index nothing listens on, and no local wheel folders: the network is gone.
    static let offline = ["PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_FIND_LINKS": nil as String?]

    struct Run {
        var status: Int32
        var output: String
        var error: String
        var folder: URL
        var lock: EnvironmentLock? {
            try? EnvironmentLock.read(path: folder.appendingPathComponent("pybindgen.lock").path)
        }
        var generated: String {
            (try? String(contentsOf: folder.appendingPathComponent("out/PySix/PySix.swift"), encoding: .utf8)) ?? ""
        }
    }

    /// Writes `configuration` as `pybindgen.json` into `folder` (a new one by default) and runs pybindgen on it.
    static func generate(
        _ configuration: String, in folder: URL? = nil, arguments: [String] = [],
        environment: [String: String?] = [:]
    ) throws -> Run {
        let folder = try folder ?? CommandLineTests.temporaryFolder()
        try configuration.write(to: folder.appendingPathComponent("pybindgen.json"), atomically: true, encoding: .utf8)
        var variables: [String: String?] = ["PYBINDGEN_CACHE_DIR": cache.path, "VIRTUAL_ENV": nil]
        for (key, value) in environment { variables[key] = value }
        let result = try CommandLineTests.start(
            [
                "--config", folder.appendingPathComponent("pybindgen.json").path, "--output",
                folder.appendingPathComponent("out").path,
            ] + arguments, environment: variables, outputPrefix: folder.appendingPathComponent("pybindgen")
        ).finish()
        return Run(status: result.status, output: result.output, error: result.error, folder: folder)
    }

    /// The environments folder holds no staging folder, and nothing for `name`.
    static func expectNothingHalfInstalled(besides complete: Set<String> = []) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: cache.path + "/environments")) ?? []
        for entry in entries where !entry.hasSuffix(".lock") {
            #expect(!entry.contains(".partial-"), "a staging folder was left: \(entry)")
            let record = cache.path + "/environments/\(entry)/pybindgen-environment.lock"
            #expect(FileManager.default.fileExists(atPath: record), "an incomplete environment was left: \(entry)")
        }
    }

    @Test func provisionedOnceLockedHonouredAndUsableOffline() throws {
        let configuration = #"{"modules": ["six"], "requirements": ["six>=1.15"]}"#
        let first = try Self.generate(configuration)
        defer { try? FileManager.default.removeItem(at: first.folder) }
        try #require(first.status == 0, "\(first.error)")
        #expect(first.error.contains("pybindgen: installing six>=1.15 into "), "\(first.error)")
        let lock = try #require(first.lock)
        let six = try #require(lock.packages.first { $0.name == "six" })
        #expect(six.hashes.first?.hasPrefix("sha256:") == true)
        #expect(lock.request.requirements == ["six>=1.15"])
        // The bindings record the environment and the version they were generated from.
        #expect(first.generated.contains(#"environment: "\#(lock.request.environmentName)""#))
        #expect(
            first.generated.contains(#"distributions: ["six": "\#(six.version)"]"#), "\(first.generated.prefix(400))")

        let second = try Self.generate(configuration, in: first.folder)
        #expect(second.status == 0, "\(second.error)")
        #expect(!second.error.contains("installing"), "provisioned once: \(second.error)")
        #expect(second.lock == lock)

        let offline = try Self.generate(configuration, in: first.folder, environment: Self.offline)
        #expect(offline.status == 0, "a provisioned environment needs no network: \(offline.error)")

        // The lock is honoured: pinned to an older six (with that file's real hash), it installs exactly that.
        let older = try Self.hashOfSix("1.16.0", in: first.folder)
        var pinned = lock
        pinned.packages = [EnvironmentLock.Package(name: "six", version: "1.16.0", hashes: ["sha256:" + older])]
        try pinned.text.write(
            to: first.folder.appendingPathComponent("pybindgen.lock"), atomically: true, encoding: .utf8)
        let honoured = try Self.generate(configuration, in: first.folder)
        #expect(honoured.status == 0, "\(honoured.error)")
        #expect(honoured.error.contains("installing 1 locked packages"), "\(honoured.error)")
        #expect(honoured.generated.contains(#"distributions: ["six": "1.16.0"]"#))
        #expect(honoured.lock == pinned)

        // --upgrade resolves again and rewrites the lock.
        let upgraded = try Self.generate(configuration, in: first.folder, arguments: ["--upgrade"])
        #expect(upgraded.status == 0, "\(upgraded.error)")
        #expect(upgraded.error.contains("installing six>=1.15"), "\(upgraded.error)")
        #expect(upgraded.lock?.packages.first { $0.name == "six" }?.version == six.version)
        Self.expectNothingHalfInstalled()
    }

    /// The sha256 of the six wheel `version` from the index (downloaded by the typing environment's pip, which
    /// the first generation provisioned into the suite's cache; hashed by Python).
    static func hashOfSix(_ version: String, in folder: URL) throws -> String {
        let downloads = folder.appendingPathComponent("downloads")
        let typing = try #require(
            try FileManager.default.contentsOfDirectory(atPath: cache.path).first {
                $0.hasPrefix("typing-python") && !$0.hasSuffix(".lock")
            })
        let python = cache.appendingPathComponent("\(typing)/bin/python").path
        let downloaded = try CommandLineTests.run(
            python, ["-m", "pip", "download", "--no-deps", "-d", downloads.path, "six==\(version)"])
        try #require(downloaded.status == 0, "\(downloaded.output)\(downloaded.error)")
        let wheel = try #require(
            try FileManager.default.contentsOfDirectory(atPath: downloads.path).first { $0.hasSuffix(".whl") })
        let script = "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())"
        let hashed = try CommandLineTests.run(python, ["-c", script, downloads.appendingPathComponent(wheel).path])
        try #require(hashed.status == 0, "\(hashed.error)")
        return hashed.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func twoProvisioningsOfTheSameRequirementsAtOnceBothSucceed() throws {
        let configuration = #"{"modules": ["six"], "requirements": ["six==1.16.0"]}"#
        let folders = try (0..<2).map { _ in try CommandLineTests.temporaryFolder() }
        defer { for folder in folders { try? FileManager.default.removeItem(at: folder) } }
        let runs = try folders.map { folder in
            try configuration.write(
                to: folder.appendingPathComponent("pybindgen.json"), atomically: true, encoding: .utf8)
            return folder
        }
        // Both start before either is waited for.
        let group = DispatchGroup()
        let results = LockedResults()
        for folder in runs {
            group.enter()
            DispatchQueue.global().async {
                results.append(Result { try Self.generate(configuration, in: folder) })
                group.leave()
            }
        }
        group.wait()
        let finished = try results.values.map { try $0.get() }
        #expect(finished.count == 2)
        for run in finished { #expect(run.status == 0, "\(run.error)") }
        #expect(finished.filter { $0.error.contains("installing six==1.16.0") }.count == 1, "one installs, one waits")
        #expect(finished.first?.lock != nil && finished.first?.lock == finished.last?.lock)
        Self.expectNothingHalfInstalled()
    }

    @Test func anUnknownPackageIsAClearErrorAndNothingIsKept() throws {
        let run = try Self.generate(
            #"{"modules": ["six"], "requirements": ["pybindgen-no-such-distribution-7f3a==1.0"]}"#)
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(run.status != 0)
        #expect(run.error.contains("no distribution on the package index matches"), "\(run.error)")
        #expect(run.error.contains("pybindgen-no-such-distribution-7f3a==1.0"), "\(run.error)")
        #expect(run.error.contains("nothing was kept in the cache"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: run.folder.appendingPathComponent("out").path), "no bindings")
        #expect(run.lock == nil)
        Self.expectNothingHalfInstalled()
    }

    @Test func conflictingPinsAreAClearErrorNamingThePackages() throws {
        let run = try Self.generate(
            #"{"modules": ["requests"], "requirements": ["requests==2.34.2", "urllib3==1.20"]}"#)
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(run.status != 0)
        #expect(run.error.contains("the requirements conflict"), "\(run.error)")
        #expect(run.error.contains("urllib3"), "\(run.error)")
        #expect(run.error.contains("loosen or remove one of the pins"), "\(run.error)")
        Self.expectNothingHalfInstalled()
    }

    @Test func offlineWithoutAProvisionedEnvironmentNamesTheMissingPackages() throws {
        let run = try Self.generate(
            #"{"modules": ["six"], "requirements": ["six==1.15.0"]}"#, environment: Self.offline)
        defer { try? FileManager.default.removeItem(at: run.folder) }
        #expect(run.status != 0)
        #expect(run.error.contains("cannot reach the package index to install six==1.15.0"), "\(run.error)")
        #expect(run.error.contains("the cache has no environment for these requirements"), "\(run.error)")
        Self.expectNothingHalfInstalled()
    }

    @Test func malformedRequirementsAndLockFilesAreReportedBeforeAnythingIsInstalled() throws {
        let malformed = try Self.generate(
            #"{"modules": ["six"], "requirements": ["six>>1", "--extra-index-url=http://x", "six==1.16.0", "Six==1.17"]}"#
        )
        defer { try? FileManager.default.removeItem(at: malformed.folder) }
        #expect(malformed.status != 0)
        #expect(malformed.error.contains("3 problems"), "\(malformed.error)")
        #expect(malformed.error.contains("'six>>1'"), "\(malformed.error)")
        #expect(malformed.error.contains("is a pip option"), "\(malformed.error)")
        #expect(malformed.error.contains("'six' is required twice"), "\(malformed.error)")
        #expect(!malformed.error.contains("installing"))

        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{not json".write(to: folder.appendingPathComponent("pybindgen.lock"), atomically: true, encoding: .utf8)
        let broken = try Self.generate(#"{"modules": ["six"], "requirements": ["six==1.16.0"]}"#, in: folder)
        #expect(broken.status != 0)
        #expect(broken.error.contains("pybindgen.lock: not a pybindgen lock file"), "\(broken.error)")
        #expect(broken.error.contains("--upgrade"), "\(broken.error)")
        let repaired = try Self.generate(
            #"{"modules": ["six"], "requirements": ["six==1.16.0"]}"#, in: folder, arguments: ["--upgrade"])
        #expect(repaired.status == 0, "\(repaired.error)")
        #expect(repaired.lock?.packages.map(\.name) == ["six"])
    }

    @Test func automaticStubsAddTheKnownStubDistribution() throws {
        let run = try Self.generate(#"{"modules": ["six"], "requirements": ["six==1.16.0"], "stubs": "auto"}"#)
        defer { try? FileManager.default.removeItem(at: run.folder) }
        try #require(run.status == 0, "\(run.error)")
        #expect(run.error.contains(#""stubs": "auto" adds types-six"#), "\(run.error)")
        let lock = try #require(run.lock)
        #expect(lock.addedStubPackages == ["types-six"])
        #expect(lock.packages.contains { $0.name == "types-six" })
        #expect(
            run.output.contains("[stub package six-stubs through mypy"), "typed from the added stubs: \(run.output)")
        #expect(!run.output.contains("0% typed"), "\(run.output)")
    }

    @Test func theEnvironmentCommandPrintsHowToReproduceIt() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try #"{"modules": ["six"], "requirements": ["six==1.16.0"]}"#.write(
            to: folder.appendingPathComponent("pybindgen.json"), atomically: true, encoding: .utf8)
        let requirements = folder.appendingPathComponent("requirements.txt").path
        let result = try CommandLineTests.run(
            [
                "environment", "--config", folder.appendingPathComponent("pybindgen.json").path,
                "--requirements-file", requirements, "--target", "/srv/app-python",
            ],
            environment: ["PYBINDGEN_CACHE_DIR": Self.cache.path, "VIRTUAL_ENV": ""])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("environment: \(Self.cache.path)/environments/python"), "\(result.output)")
        #expect(result.output.contains("  six==1.16.0"), "\(result.output)")
        #expect(
            result.output.contains("python3.11 -m venv /srv/app-python")
                || result.output.contains(" -m venv /srv/app-python"))
        #expect(result.output.contains("/srv/app-python/bin/pip install --no-deps --require-hashes -r \(requirements)"))
        let pins = try String(contentsOfFile: requirements, encoding: .utf8)
        #expect(pins.hasPrefix("six==1.16.0 --hash=sha256:"), "\(pins)")
        let none = try CommandLineTests.run(["environment", "--config", "/nonexistent/pybindgen.json"])
        #expect(none.status != 0)
        #expect(none.error.contains("cannot read the configuration file"), "\(none.error)")
    }
}

/// Results collected from several threads.
final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Result<PackageEnvironmentTests.Run, any Error>] = []
    func append(_ result: Result<PackageEnvironmentTests.Run, any Error>) { lock.withLock { collected.append(result) } }
    var values: [Result<PackageEnvironmentTests.Run, any Error>] { lock.withLock { collected } }
}
