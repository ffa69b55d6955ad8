import Foundation
import PythonRuntime

/// What one run of the generator should do.
public struct GeneratorOptions: Sendable {
    /// Dotted Python module names.
    public var modules: [String]
    /// The folder that receives one `Py<Name>/Py<Name>.swift` per module.
    public var outputDirectory: String
    /// Only these names (when not empty).
    public var include: [String] = []
    /// Never these names.
    public var exclude: [String] = []
    /// Compare with the files on disk instead of writing.
    public var check = false
    /// Read types from typeshed stubs (provisioning mypy when needed).
    public var useStubs = true
    /// Also write each module's description as JSON into this folder.
    public var descriptionDirectory: String?
    /// The command written into the DO-NOT-EDIT header.
    public var regenerateCommand: String
    /// Write files flat as `<output>/Py<Name>.swift` instead of one folder per module (the build plugin does).
    public var flatLayout = false

    public init(modules: [String], outputDirectory: String, regenerateCommand: String) {
        self.modules = modules
        self.outputDirectory = outputDirectory
        self.regenerateCommand = regenerateCommand
    }
}

/// How one module came out.
public struct ModuleSummary: Sendable, Equatable, CustomStringConvertible {
    public var module: String
    public var swiftModule: String
    public var namesFound: Int
    public var callables: Int
    /// Callables whose every type Python states reaches Swift (`PythonObject` only where Python leaves the type
    /// open: `Any`, `object`, a protocol, a generic class's type variable).
    public var fullyTypedCallables: Int
    /// Callables with no `PythonObject` in their Swift signature at all (a subset of the fully typed ones).
    public var callablesWithoutPythonObject: Int
    /// Callables with at least one `PythonObject` fallback for a type Python states but Swift cannot express.
    public var dynamicCallables: Int
    /// Parameter and result types the source states (not `Any`, `object` or another open type).
    public var statedTypeSlots = 0
    /// Of ``statedTypeSlots``, those that reach Swift as concrete types.
    public var concreteTypeSlots = 0
    public var skipped: [SkippedName]
    public var drift: [Drift]
    public var typeSource: String
    public var path: String

    /// The share of public callables whose Swift signature has no `PythonObject`.
    public var typedShare: Double { callables == 0 ? 1 : Double(fullyTypedCallables) / Double(callables) }

    public var description: String {
        var text =
            "\(module) → \(swiftModule): \(namesFound) names, \(callables) callables: "
            + "\(fullyTypedCallables) fully typed (\(callablesWithoutPythonObject) without PythonObject, the others "
            + "use it only where Python leaves the type open), \(dynamicCallables) with PythonObject fallbacks "
            + String(format: "(%.0f%% typed)", typedShare * 100)
            + "; \(concreteTypeSlots) of \(statedTypeSlots) stated types concrete, \(skipped.count) skipped [\(typeSource)]"
        for item in skipped { text += "\n    skipped \(item.name): \(item.reason)" }
        for item in drift { text += "\n    drift \(item.name): \(item.detail)" }
        return text
    }
}

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
        for module in options.modules { try Self.validate(moduleName: module) }
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
        for description in descriptions {
            let (text, summary) = Self.render(
                description, options: options,
                otherModules: options.flatLayout ? Self.classNames(of: descriptions, except: description.module) : [:])
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

    /// The Swift class names of every module of a run but one, for typed references between them.
    static func classNames(of descriptions: [ModuleDescription], except module: String) -> [String: [String: String]] {
        var names: [String: [String: String]] = [:]
        for description in descriptions where description.module != module {
            names[description.module] = Translator.classNames(of: description)
        }
        return names
    }

    /// Renders one description (no I/O): the file text and the summary.
    /// - Parameter otherModules: the class names of the other modules generated into the same Swift target
    ///   (``classNames(of:except:)``); references to their classes are typed, references to others dynamic.
    public static func render(
        _ description: ModuleDescription, options: GeneratorOptions, otherModules: [String: [String: String]] = [:]
    ) -> (String, ModuleSummary) {
        var translator = Translator(description, otherModules: otherModules)
        let module = translator.translate()
        let pythonMinor = description.pythonVersion.split(separator: ".").prefix(2).joined(separator: ".")
        let header = [
            "DO NOT EDIT. Generated by pybindgen \(GeneratorVersion.current) from Python \(pythonMinor) "
                + "module `\(description.module)`.",
            "Types: \(description.typeSource).",
            "Regenerate with: \(options.regenerateCommand)",
        ]
        let renderer = Renderer(header: header)
        let text = renderer.render(module)
        let swiftName = module.swiftName
        let path =
            options.flatLayout
            ? (options.outputDirectory as NSString).appendingPathComponent("\(swiftName).swift")
            : (options.outputDirectory as NSString).appendingPathComponent("\(swiftName)/\(swiftName).swift")
        var callables: [String: (typed: Bool, withoutObject: Bool)] = [:]
        func count(_ key: String, _ function: TranslatedFunction) {
            let known = callables[key] ?? (true, true)
            callables[key] = (known.typed && function.isFullyTyped, known.withoutObject && function.hasNoPythonObject)
        }
        for function in module.functions { count(function.pythonName, function) }
        for cls in module.classes {
            for member in cls.members where member.kind != .binaryOperator && member.kind != .prefixOperator {
                count("\(cls.pythonName).\(member.pythonName)", member)
            }
        }
        let typed = callables.values.filter(\.typed).count
        let fidelity = translator.typeSlotFidelity()
        var summary = ModuleSummary(
            module: description.module, swiftModule: swiftName,
            namesFound: description.functions.count + description.classes.count + description.constants.count
                + description.skipped.count,
            callables: callables.count, fullyTypedCallables: typed,
            callablesWithoutPythonObject: callables.values.filter(\.withoutObject).count,
            dynamicCallables: callables.count - typed,
            skipped: description.skipped + translator.skipped, drift: description.drift,
            typeSource: description.typeSource, path: path)
        summary.statedTypeSlots = fidelity.stated
        summary.concreteTypeSlots = fidelity.concrete
        return (text, summary)
    }

    /// A dotted name of Python identifiers: `math`, `os.path`; not `../x`, ``, `1abc`.
    static func validate(moduleName: String) throws {
        let parts = moduleName.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            !moduleName.isEmpty
            && parts.allSatisfy { part in
                guard let first = part.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
                return part.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
                }
            }
        guard valid else {
            throw GeneratorError(
                .invalidModuleName,
                "'\(moduleName)' is not a Python module name (expected dotted identifiers such as math or os.path)")
        }
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
