import Foundation

/// `pybindgen.lock`: what the requirements of a `pybindgen.json` resolved to — every distribution installed, its
/// exact version and the hashes of the file installed — so that the next provisioning, on this machine or another
/// with the same Python and platform, installs exactly that.
///
/// It is plain JSON (sorted keys, one package per entry), meant to be committed next to `pybindgen.json`.
public struct EnvironmentLock: Codable, Equatable, Sendable {
    /// The format of this file; a newer format is refused with a clear error.
    public static let currentFormat = 1

    /// One installed distribution.
    public struct Package: Codable, Equatable, Sendable, Comparable {
        /// The normalized distribution name (`charset-normalizer`).
        public var name: String
        /// The exact version installed.
        public var version: String
        /// Hashes of the file installed, as pip checks them (`sha256:…`); empty for a file pip reports none of.
        public var hashes: [String]

        public init(name: String, version: String, hashes: [String]) {
            self.name = name
            self.version = version
            self.hashes = hashes
        }

        public static func < (lhs: Package, rhs: Package) -> Bool { lhs.name < rhs.name }
    }

    /// What the lock was resolved from: the declared requirements and where they were installed from. A lock
    /// whose request differs from the configuration's is resolved again.
    public struct Request: Codable, Equatable, Sendable {
        /// `major.minor` of the Python the environment is for.
        public var python: String
        /// The platform the hashes are for (`linux-x86_64`): wheels differ between platforms.
        public var platform: String
        /// The requirements as declared, in order.
        public var requirements: [String]
        /// Whether known stub distributions were added (`"stubs": "auto"`).
        public var addsStubPackages: Bool
        /// pip's `--index-url`, if not PyPI.
        public var index: String?
        /// pip's `--find-links`.
        public var findLinks: [String]

        public init(
            python: String, platform: String, requirements: [String], addsStubPackages: Bool = false,
            index: String? = nil, findLinks: [String] = []
        ) {
            self.python = python
            self.platform = platform
            self.requirements = requirements
            self.addsStubPackages = addsStubPackages
            self.index = index
            self.findLinks = findLinks
        }

        /// A short, stable name for the environment of this request: `python3.11-1f0c…` (FNV-1a over the request;
        /// the same request always names the same folder, a different one never shares it).
        public var environmentName: String {
            let canonical = [
                python, platform, requirements.joined(separator: "\n"), addsStubPackages ? "auto" : "",
                index ?? "", findLinks.joined(separator: "\n"),
            ].joined(separator: "\u{0}")
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in canonical.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x100_0000_01b3
            }
            let hex = String(hash, radix: 16)
            return "python\(python)-" + String(repeating: "0", count: 16 - hex.count) + hex
        }
    }

    /// The file's format, ``currentFormat`` when written.
    public var format: Int
    /// What was resolved.
    public var request: Request
    /// The stub distributions `"stubs": "auto"` added (also listed in ``packages``).
    public var addedStubPackages: [String]
    /// Every distribution installed, sorted by name.
    public var packages: [Package]

    public init(request: Request, addedStubPackages: [String] = [], packages: [Package]) {
        self.format = Self.currentFormat
        self.request = request
        self.addedStubPackages = addedStubPackages
        self.packages = packages.sorted()
    }

    /// Reads a lock file; `nil` when there is none.
    /// - Throws: ``GeneratorError`` (`invalid-lock-file`) naming the file and the fix when it cannot be used.
    public static func read(path: String) throws -> EnvironmentLock? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let fix = "delete it, or run pybindgen with --upgrade, to resolve the requirements again"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GeneratorError(.invalidLockFile, "\(path): cannot read the lock file; \(fix)")
        }
        let lock: EnvironmentLock
        do {
            lock = try JSONDecoder().decode(EnvironmentLock.self, from: data)
        } catch {
            throw GeneratorError(.invalidLockFile, "\(path): not a pybindgen lock file (\(error)); \(fix)")
        }
        guard lock.format <= currentFormat else {
            throw GeneratorError(
                .invalidLockFile,
                "\(path): lock format \(lock.format) is newer than this pybindgen reads (\(currentFormat)); "
                    + "update pybindgen, or \(fix)")
        }
        return lock
    }

    /// The file's text: pretty-printed JSON with sorted keys and a final newline, the same for the same lock.
    public var text: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// The lines of a pip requirements file that install exactly these packages: `name==version --hash=…`.
    public var pinnedRequirements: [String] {
        packages.map { package in
            (["\(package.name)==\(package.version)"] + package.hashes.map { "--hash=\($0)" }).joined(separator: " ")
        }
    }
}
