import Foundation
import PyBindGenCore
import PythonRuntime

/// The pipeline: validate → introspect (Python) → translate → render → write atomically (or check).
public struct Generator {
    private let log: @Sendable (String) -> Void

    /// Creates a generator that reports progress through `log`.
    public init(log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.log = log
    }

    /// Generates every module of `options`. Nothing is written unless every module succeeded.
    /// - Throws: ``GeneratorError`` naming the module and the problem.
    public func run(_ options: GeneratorOptions) throws -> [ModuleSummary] {
        let log = self.log
        return try LargeStack.run { try Generator(log: log).runOnThisThread(options) }
    }

    private func runOnThisThread(_ options: GeneratorOptions) throws -> [ModuleSummary] {
        guard !options.modules.isEmpty else {
            throw GeneratorError(.invalidModuleName, "no Python module given (for example: pybindgen math datetime)")
        }
        for module in options.modules { try ModuleRendering.validate(moduleName: module) }
        if !options.check { try Self.checkWritable(options.outputDirectory) }
        let introspector = try Introspector(useStubs: options.useStubs, log: log)
        _ = try introspector.prepare(modules: options.modules, include: options.include, exclude: options.exclude)
        var descriptions: [ModuleDescription] = []
        for module in options.modules {
            descriptions.append(
                try introspector.describe(module: module, include: options.include, exclude: options.exclude))
        }
        var outputs: [(path: String, text: String, description: ModuleDescription)] = []
        var summaries: [ModuleSummary] = []
        // Modules written flat share one Swift target, so they can name each other's classes.
        let runClasses = options.flatLayout ? ModuleRendering.runClasses(of: descriptions) : RunClasses()
        for description in descriptions {
            let origin = BindingOrigin(
                environment: options.environmentName,
                distributions: try introspector.distributions(of: description.module))
            let (text, summary) = ModuleRendering.render(
                description, options: options, otherModules: runClasses, origin: origin)
            outputs.append((summary.path, text, description))
            summaries.append(summary)
        }
        if options.check {
            var stale: [String] = []
            for output in outputs where (try? String(contentsOfFile: output.path, encoding: .utf8)) != output.text {
                stale.append(output.path)
            }
            guard stale.isEmpty else {
                throw GeneratorError(
                    .outOfDate,
                    "generated files are out of date: \(stale.joined(separator: ", ")); regenerate with: \(options.regenerateCommand)"
                )
            }
            return summaries
        }
        var files = outputs.map { ($0.path, $0.text) }
        if let directory = options.descriptionDirectory {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            for output in outputs {
                let json = String(decoding: try encoder.encode(output.description), as: UTF8.self) + "\n"
                files.append(
                    ((directory as NSString).appendingPathComponent(output.description.module + ".json"), json))
            }
        }
        try FileWriter.writeAll(files)
        return summaries
    }

    static func checkWritable(_ directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError(
                .unwritableOutput, "cannot create the output folder '\(directory)': \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw GeneratorError(.unwritableOutput, "the output folder '\(directory)' is not writable")
        }
    }
}
