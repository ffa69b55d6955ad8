import Foundation
import PyBindGenCore
import PythonRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The Python packages a `pybindgen.json` declares (`requirements`), installed by pip into an environment in the
/// cache, once, and pinned by `pybindgen.lock`.
///
/// The environment's folder is named by what was asked for (``EnvironmentLock/Request/environmentName``: Python
/// `major.minor`, platform, requirements, index options), so two configurations asking for the same share it.
/// Provisioning is safe when several `pybindgen` processes run at once: one takes a file lock and installs into a
/// staging folder renamed into place when complete; the others wait and use the result. A failed install leaves
/// nothing in the cache. With an environment already provisioned for the lock, no network is used at all.
public struct PackageEnvironment: Sendable, Equatable {
    /// The folder's name under `<cache>/environments`, recorded in the generated bindings.
    public var name: String
    /// The environment's root (a `python -m venv` folder).
    public var path: String
    /// What is installed.
    public var lock: EnvironmentLock

    /// The file inside the environment recording what it holds (the lock it was installed from).
    static let recordName = "pybindgen-environment.lock"

    /// The environment for `configuration`'s requirements, provisioning it if needed, and writing or honouring
    /// the configuration's lock file.
    /// - Parameters:
    ///   - upgrade: Resolve the requirements again, ignoring the lock file (which is then rewritten).
    ///   - pythonExecutable: The interpreter the environment is made from (the embedded runtime's).
    /// - Throws: ``GeneratorError`` (`environment-failed`, `invalid-lock-file`) naming the packages and the fix.
    public static func provision(
        for configuration: BindingConfiguration, upgrade: Bool = false, pythonExecutable: String,
        log: (String) -> Void
    ) throws -> PackageEnvironment {
        let request = EnvironmentLock.Request(
            python: PythonEnvironments.pythonVersion, platform: platform, requirements: configuration.requirements,
            addsStubPackages: configuration.addsStubPackages, index: configuration.index,
            findLinks: configuration.findLinks)
        var lock = upgrade ? nil : try configuration.lockFile.flatMap(EnvironmentLock.read(path:))
        if let stale = lock, stale.request != request {
            log("pybindgen: \(configuration.lockFile ?? "") was made for other requirements; resolving them again")
            lock = nil
        }
        let folder = PythonEnvironments.cacheDirectory() + "/environments"
        let root = folder + "/" + request.environmentName
        func installed() -> PackageEnvironment? {
            guard let record = try? EnvironmentLock.read(path: root + "/" + recordName), record.request == request,
                upgrade ? false : (lock == nil || lock?.packages == record.packages)
            else { return nil }
            return PackageEnvironment(name: request.environmentName, path: root, lock: record)
        }
        if let ready = installed() {
            try ready.writeLock(to: configuration.lockFile)
            return ready
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError(.environmentFailed, "cannot create the cache folder \(folder): \(error)")
        }
        let fileLock = try FileLock(path: root + ".lock") {
            log("pybindgen: waiting for another pybindgen to finish provisioning \(request.environmentName)")
        }
        defer { fileLock.unlock() }
        if let ready = installed() {
            try ready.writeLock(to: configuration.lockFile)
            return ready
        }
        let environment = try install(
            request, pinnedBy: lock, modules: configuration.modules, into: root, pythonExecutable: pythonExecutable,
            log: log)
        try environment.writeLock(to: configuration.lockFile)
        return environment
    }

    /// The file inside the environment that records what it holds; it exists exactly when the environment is
    /// complete.
    public var recordPath: String { path + "/" + Self.recordName }

    /// The environment's `site-packages` folder.
    public var sitePackages: String { path + "/lib/python\(lock.request.python)/site-packages" }

    /// The shell commands that make the same environment at `target` on another machine with the same Python and
    /// platform: exact versions, and with `--require-hashes` when the lock has every hash.
    public func reproductionCommands(at target: String, requirementsFile: String) -> [String] {
        let hashed = lock.packages.allSatisfy { !$0.hashes.isEmpty }
        return [
            "python\(lock.request.python) -m venv \(target)",
            "\(target)/bin/pip install --no-deps \(hashed ? "--require-hashes " : "")-r \(requirementsFile)",
        ]
    }

    private func writeLock(to path: String?) throws {
        guard let path else { return }
        let text = lock.text
        if (try? String(contentsOfFile: path, encoding: .utf8)) == text { return }
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw GeneratorError(.environmentFailed, "cannot write the lock file \(path): \(error)")
        }
    }

    private static func install(
        _ request: EnvironmentLock.Request, pinnedBy lock: EnvironmentLock?, modules: [String], into root: String,
        pythonExecutable: String, log: (String) -> Void
    ) throws -> PackageEnvironment {
        let staging = root + ".partial-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let started = ContinuousClock.now
        var indexOptions = request.index.map { ["--index-url", $0] } ?? []
        for link in request.findLinks { indexOptions += ["--find-links", link] }
        let install =
            [
                "install", "--disable-pip-version-check", "--progress-bar", "off", "--retries", "2", "--timeout", "30",
            ] + indexOptions
        let record: EnvironmentLock
        do {
            // The typing environment's pip installs into an environment made without one (`pip --python`): making
            // a venv with its own pip takes seconds, without one a tenth of a second.
            let pip: PipCommand
            if let installer = TypingEnvironment.installerPython(
                pythonExecutable: pythonExecutable, pythonVersion: request.python, log: log)
            {
                try ToolProcess.run(pythonExecutable, ["-m", "venv", "--without-pip", staging], log: log)
                pip = PipCommand(executable: installer, leading: ["-m", "pip", "--python", staging + "/bin/python"])
            } else {
                try ToolProcess.run(pythonExecutable, ["-m", "venv", staging], log: log)
                pip = PipCommand(executable: staging + "/bin/python", leading: ["-m", "pip"])
            }
            if let lock {
                log("pybindgen: installing \(lock.packages.count) locked packages into \(root)")
                let file = staging + "/pybindgen-requirements.txt"
                try (lock.pinnedRequirements.joined(separator: "\n") + "\n").write(
                    toFile: file, atomically: true, encoding: .utf8)
                let hashed = lock.packages.allSatisfy { !$0.hashes.isEmpty }
                try pip.run(install + ["--no-deps"] + (hashed ? ["--require-hashes"] : []) + ["-r", file], log: log)
                record = lock
            } else {
                let stubs =
                    request.addsStubPackages
                    ? try StubDistributions.find(
                        for: modules, requirements: request.requirements, indexOptions: indexOptions, pip: pip,
                        basePython: pythonExecutable, log: log) : []
                let requirements = request.requirements + stubs
                log("pybindgen: installing \(requirements.joined(separator: ", ")) into \(root)")
                let report = staging + "/pybindgen-report.json"
                try pip.run(install + ["--report", report] + requirements, log: log)
                record = EnvironmentLock(
                    request: request, addedStubPackages: stubs, packages: try installedPackages(report: report))
            }
            try record.text.write(toFile: staging + "/" + recordName, atomically: true, encoding: .utf8)
            try? FileManager.default.removeItem(atPath: root)
            try FileManager.default.moveItem(atPath: staging, toPath: root)
        } catch let failure as ToolProcess.Failure {
            throw PipDiagnosis.error(for: failure, installing: lock?.pinnedRequirements ?? request.requirements)
        } catch let error as GeneratorError {
            throw error
        } catch {
            throw GeneratorError(.environmentFailed, "cannot provision \(root): \(error)")
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        log("pybindgen: environment ready: \(record.packages.count) packages in \(String(format: "%.1f", seconds)) s")
        return PackageEnvironment(name: request.environmentName, path: root, lock: record)
    }

    /// The distributions pip's installation report lists, with the hashes of the files it installed.
    private static func installedPackages(report path: String) throws -> [EnvironmentLock.Package] {
        struct Report: Decodable {
            struct Item: Decodable {
                struct Metadata: Decodable {
                    var name: String
                    var version: String
                }
                struct DownloadInfo: Decodable {
                    struct ArchiveInfo: Decodable { var hashes: [String: String]? }
                    var archive_info: ArchiveInfo?
                }
                var metadata: Metadata
                var download_info: DownloadInfo?
            }
            var install: [Item]
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let report = try JSONDecoder().decode(Report.self, from: data)
        return report.install.map { item in
            let hashes = (item.download_info?.archive_info?.hashes ?? [:]).sorted { $0.key < $1.key }
            return EnvironmentLock.Package(
                name: BindingConfiguration.normalizedDistributionName(item.metadata.name),
                version: item.metadata.version,
                hashes: hashes.filter { $0.key == "sha256" }.map { "\($0.key):\($0.value)" })
        }
    }

    /// `linux-x86_64`, `linux-aarch64`, `darwin-arm64`: what the locked wheels were built for.
    static var platform: String {
        var names = utsname()
        uname(&names)
        let machine = withUnsafeBytes(of: &names.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        #if os(Linux)
            return "linux-" + machine
        #else
            return "darwin-" + machine
        #endif
    }
}

/// How pip is run: `python -m pip [--python <environment>] …`.
struct PipCommand {
    var executable: String
    var leading: [String]

    @discardableResult
    func run(_ arguments: [String], log: (String) -> Void) throws -> [String] {
        try ToolProcess.run(executable, leading + arguments, log: log)
    }
}
