import Foundation
import PyBindGenCore
import PythonRuntime

/// `"stubs": "auto"`: the stub distributions that type the bound modules — typeshed's `types-*` distributions as
/// mypy's own table knows them, else a `<module>-stubs` distribution if the package index has one.
enum StubDistributions {
    /// The stub distributions to add for `modules`, leaving out any the requirements already name.
    static func find(
        for modules: [String], requirements: [String], indexOptions: [String], pip: PipCommand, basePython: String,
        log: (String) -> Void
    ) throws -> [String] {
        let declared = Set(
            requirements.compactMap(BindingConfiguration.distributionName(ofRequirement:)))
        var topLevels: [String] = []
        for module in modules {
            let top = String(module.split(separator: ".").first ?? Substring(module))
            if !topLevels.contains(top) { topLevels.append(top) }
        }
        let typeshed = typeshedDistributions(for: topLevels, basePython: basePython, log: log)
        var added: [String] = []
        for top in topLevels {
            var candidate = typeshed[top]
            if candidate == nil {
                let stubs = top + "-stubs"
                let found = try? pip.run(
                    ["index", "versions", "--disable-pip-version-check", stubs] + indexOptions, log: { _ in })
                if found != nil { candidate = stubs }
            }
            guard let candidate else {
                log("pybindgen: no stub distribution is known for \(top)")
                continue
            }
            let normalized = BindingConfiguration.normalizedDistributionName(candidate)
            if declared.contains(normalized)
                || added.map(BindingConfiguration.normalizedDistributionName).contains(normalized)
            {
                continue
            }
            log("pybindgen: \"stubs\": \"auto\" adds \(candidate) (types for \(top))")
            added.append(candidate)
        }
        return added
    }

    /// Module → typeshed stub distribution, from mypy's `stubinfo` in the typing environment.
    private static func typeshedDistributions(for modules: [String], basePython: String, log: (String) -> Void)
        -> [String: String]
    {
        guard
            let sitePackages = TypingEnvironment.sitePackages(
                pythonExecutable: basePython, pythonVersion: PythonEnvironments.pythonVersion, log: log)
        else { return [:] }
        let script = """
            import sys
            from mypy.stubinfo import stub_distribution_name
            for name in sys.argv[1:]:
                print(name, stub_distribution_name(name) or "")
            """
        guard
            let lines = try? ToolProcess.run(
                basePython, ["-c", script] + modules, environment: ["PYTHONPATH": sitePackages], log: { _ in })
        else { return [:] }
        var result: [String: String] = [:]
        for line in lines {
            let parts = line.split(separator: " ")
            if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
        }
        return result
    }
}
