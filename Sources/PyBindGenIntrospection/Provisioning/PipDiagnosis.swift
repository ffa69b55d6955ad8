import PyBindGenCore

/// Turns pip's output of a failed install into an error that names the packages and the fix.
enum PipDiagnosis {
    private static let offlineSigns = [
        "NewConnectionError", "Failed to establish a new connection", "Connection refused",
        "Temporary failure in name resolution", "Network is unreachable", "ConnectTimeoutError",
        "Name or service not known", "No route to host",
    ]

    /// The error for a failed `pip install` of `requirements`; the partial environment is already gone.
    static func error(for failure: ToolProcess.Failure, installing requirements: [String]) -> GeneratorError {
        let output = failure.output
        let kept = "; nothing was kept in the cache"
        func lines(containing marker: String) -> [String] { output.filter { $0.contains(marker) } }
        let missing = lines(containing: "No matching distribution found for ").compactMap { line in
            line.range(of: "found for ").map { String(line[$0.upperBound...]).trimmingCharacters(in: .whitespaces) }
        }
        if output.contains(where: { line in offlineSigns.contains { line.contains($0) } }) {
            let names = requirements.map { $0.split(separator: " ").first.map(String.init) ?? $0 }
            return GeneratorError(
                .environmentFailed,
                "cannot reach the package index to install \(names.joined(separator: ", ")), and the cache has no "
                    + "environment for these requirements yet: connect to the network once (later builds need none), "
                    + "or point 'index' or 'findLinks' in pybindgen.json at a reachable mirror or wheel folder" + kept)
        }
        if let conflict = output.firstIndex(where: { $0.contains("The conflict is caused by:") }) {
            let causes = output[(conflict + 1)...].prefix {
                !$0.hasPrefix("To fix") && !$0.contains("ResolutionImpossible")
            }
            return GeneratorError(
                .environmentFailed,
                "the requirements conflict: \(causes.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")); "
                    + "loosen or remove one of the pins in pybindgen.json" + kept)
        }
        if !missing.isEmpty {
            return GeneratorError(
                .environmentFailed,
                "no distribution on the package index matches \(missing.map { "'\($0)'" }.joined(separator: ", ")); "
                    + "check the name and version in pybindgen.json's requirements" + kept)
        }
        if !lines(containing: "DO NOT MATCH THE HASHES").isEmpty {
            return GeneratorError(
                .environmentFailed,
                "the files the index serves do not match the hashes in pybindgen.lock; if the change is expected, "
                    + "run pybindgen with --upgrade to resolve the requirements again" + kept)
        }
        return GeneratorError(
            .environmentFailed,
            "pip could not install \(requirements.joined(separator: ", ")) (\(failure.description)):\n"
                + output.suffix(15).joined(separator: "\n") + "\n" + kept.dropFirst(2))
    }
}
