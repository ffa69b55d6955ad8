/// How a generated body calls Python and hands back the result, decided once by the translator; the renderer
/// prints it without deciding.
struct CallPlan: Equatable {
    /// How the arguments travel.
    enum Arguments: Equatable {
        /// Passed straight to the fixed-arity call (`reference.call(self, x)`, `callMethod(name, x)`): the Swift
        /// parameter names, `self` first when the wrapped instance is passed.
        case fixed([String])
        /// Collected into a `PythonArguments` first (keywords, optionals, variadics, closures, or more than the
        /// fixed-arity calls take).
        case collected
    }

    /// What happens to the Python result.
    enum Result: Equatable {
        /// `None` is checked and dropped.
        case discarded
        /// Converted through `ConvertibleFromPython` and returned.
        case returned
        /// Converted item by item (a result holding tuples) and returned.
        case convertedItemByItem
        /// The new object initializes the wrapper (`super.init(unchecked:)`).
        case initializesSelf
    }

    /// The most arguments the runtime's fixed-arity function call takes.
    static let maximumFixedFunctionArguments = 2
    /// The most arguments the runtime's fixed-arity method call takes.
    static let maximumFixedMethodArguments = 1

    var arguments: Arguments
    var result: Result
    /// Whether Python returns an awaitable that the Swift function awaits.
    var awaits: Bool

    /// The plan for `function`: fixed arguments when every parameter is a required positional value and they
    /// fit the fixed-arity call; methods are looked up on the object, so a Python subclass's override runs.
    init(for function: TranslatedFunction) {
        let allFixed = function.parameters.allSatisfy {
            if case .positional = $0.passing { return !$0.isOptional && !$0.type.isClosure } else { return false }
        }
        let isMethod = function.kind == .method || function.kind == .callAsFunction
        let passed =
            (function.passesSelf && !isMethod ? ["self"] : []) + function.parameters.map { Naming.escaped($0.name) }
        let limit = isMethod ? Self.maximumFixedMethodArguments : Self.maximumFixedFunctionArguments
        arguments = allFixed && passed.count <= limit ? .fixed(passed) : .collected
        awaits = function.awaitsResult
        if function.kind == .initializer {
            result = .initializesSelf
        } else if function.result.needsItemConversion {
            result = .convertedItemByItem
        } else {
            result = function.result == .void ? .discarded : .returned
        }
    }
}
