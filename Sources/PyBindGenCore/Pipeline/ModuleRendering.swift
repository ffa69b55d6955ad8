import Foundation

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
    /// The package environment provisioned for the configuration's requirements, recorded in every module so the
    /// program finds it at run time (``BindingOrigin/environment``).
    public var environmentName: String?

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
    /// The Swift declarations made for the callables counted in ``callables`` (functions, initializers and
    /// methods; not operators, subscripts or the remote `on(executor)` forms): one per Python signature is the
    /// aim, a union parameter taking all its members in one.
    public var declarations = 0
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
            "\(module) → \(swiftModule): \(namesFound) names, \(callables) callables in \(declarations) declarations: "
            + "\(fullyTypedCallables) fully typed (\(callablesWithoutPythonObject) without PythonObject, the others "
            + "use it only where Python leaves the type open), \(dynamicCallables) with PythonObject fallbacks "
            + String(format: "(%.0f%% typed)", typedShare * 100)
            + "; \(concreteTypeSlots) of \(statedTypeSlots) stated types concrete, \(skipped.count) skipped [\(typeSource)]"
        for item in skipped { text += "\n    skipped \(item.name): \(item.reason)" }
        for item in drift { text += "\n    drift \(item.name): \(item.detail)" }
        return text
    }
}

/// The wrapper classes of the modules of a run generated into the same Swift target, by full name.
public struct RunClasses: Sendable, Equatable {
    /// A generated wrapper class: its module's Swift name and its own.
    public struct Wrapper: Sendable, Equatable, Hashable {
        public var namespace: String
        public var name: String
        /// A generic class's Python type variables (its Swift generic parameters), empty otherwise.
        public var typeParameters: [String] = []
    }

    /// Full Python name (`datetime.date`) → the wrapper class generated for it.
    public var wrappers: [String: Wrapper] = [:]

    public init() {}
}

/// The pure stages after introspection: a module description in, Swift text and its summary out (no interpreter,
/// no I/O).
public enum ModuleRendering {
    /// The wrapper classes the modules of a run generate into one Swift target, by the full names Python knows
    /// them by, for typed references between them: each module's exported classes first (in run order), then
    /// the classes modules generate only because their API refers to them, once — the first module that has
    /// one keeps it, the others refer to that one.
    public static func runClasses(of descriptions: [ModuleDescription]) -> RunClasses {
        var classes = RunClasses()
        for pass in [false, true] {
            for description in descriptions {
                let names = Translator.classNames(of: description)
                let generic = Translator.genericClasses(of: description)
                for cls in description.classes where (cls.referenced ?? false) == pass {
                    guard let swiftName = names[cls.name] else { continue }
                    for fullName in cls.fullNames ?? [] where classes.wrappers[fullName] == nil {
                        classes.wrappers[fullName] = RunClasses.Wrapper(
                            namespace: Naming.moduleName(description.module), name: swiftName,
                            typeParameters: generic[cls.name] ?? [])
                    }
                }
            }
        }
        return classes
    }

    /// Renders one description (no I/O): the file text and the summary.
    /// - Parameters:
    ///   - description: The module, as introspection described it.
    ///   - options: The run's options (output folder and layout, the regenerate command of the header).
    ///   - otherModules: The wrapper classes of the modules generated into the same Swift target
    ///     (``runClasses(of:)``); references to their classes are typed, references to others dynamic.
    ///   - origin: What the module was generated against, recorded in the file and checked at its first use.
    public static func render(
        _ description: ModuleDescription, options: GeneratorOptions, otherModules: RunClasses = RunClasses(),
        origin: BindingOrigin = BindingOrigin()
    ) -> (String, ModuleSummary) {
        var translator = Translator(description, otherModules: otherModules)
        var module = translator.translate()
        module.origin = origin.isEmpty ? nil : origin
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
        summary.declarations =
            module.functions.count
            + module.classes.reduce(0) { count, cls in
                count + cls.members.filter { $0.kind != .binaryOperator && $0.kind != .prefixOperator }.count
                    + cls.initializersWithOpenParameters.count
            }
        summary.statedTypeSlots = fidelity.stated
        summary.concreteTypeSlots = fidelity.concrete
        return (text, summary)
    }

    /// A dotted name of Python identifiers: `math`, `os.path`; not `../x`, ``, `1abc`.
    /// - Throws: ``GeneratorError`` with code `invalid-module-name`.
    public static func validate(moduleName: String) throws {
        if let problem = ConfigurationRules.moduleNameProblem(moduleName) {
            throw GeneratorError(.invalidModuleName, problem)
        }
    }

}
