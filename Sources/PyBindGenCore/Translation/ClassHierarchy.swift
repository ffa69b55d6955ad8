/// The classes of one module and their bases within it, built once per module: the order classes are
/// translated in (bases first) and the superclass questions overrides and merged overloads ask.
struct ClassHierarchy {
    /// The module's Swift namespace (`PyDatetime`).
    let namespace: String
    private let classes: [ClassDescription]
    private let byPythonName: [String: ClassDescription]
    private let bySwiftName: [String: ClassDescription]
    private let swiftNames: [String: String]

    /// - Parameter swiftNames: Python class name → Swift class name, for the classes that are wrapped.
    init(_ description: ModuleDescription, namespace: String, swiftNames: [String: String]) {
        self.namespace = namespace
        classes = description.classes
        byPythonName = Dictionary(description.classes.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        bySwiftName = Dictionary(
            description.classes.compactMap { cls in swiftNames[cls.name].map { ($0, cls) } },
            uniquingKeysWith: { first, _ in first })
        self.swiftNames = swiftNames
    }

    /// `cls`, then its base, its base's base… (within the module; a cycle ends the walk).
    private func lineage(of cls: ClassDescription) -> [ClassDescription] {
        var chain: [ClassDescription] = []
        var visited: Set<String> = []
        var current: ClassDescription? = cls
        while let next = current, visited.insert(next.name).inserted {
            chain.append(next)
            current = next.bases.first.flatMap { byPythonName[$0] }
        }
        return chain
    }

    /// The class a wrapper type of this module names.
    private func wrapped(_ type: SwiftType) -> ClassDescription? {
        guard let (typeNamespace, name) = type.wrapperClass, typeNamespace == namespace else { return nil }
        return bySwiftName[name]
    }

    /// Whether the Swift type `ancestor` is `type` or one of its superclasses (classes of this module).
    func isSuperclass(_ ancestor: SwiftType, _ type: SwiftType) -> Bool {
        guard let ancestorClass = wrapped(ancestor), let typeClass = wrapped(type) else { return ancestor == type }
        return lineage(of: typeClass).contains { $0.name == ancestorClass.name }
    }

    /// The nearest class of this module that both wrapper types derive from (`floating` and `complexfloating` →
    /// `inexact`), or nil.
    func commonSuperclass(_ first: SwiftType, _ second: SwiftType) -> SwiftType? {
        guard let firstClass = wrapped(first) else { return nil }
        for ancestor in lineage(of: firstClass) {
            let candidate = SwiftType.wrapper(
                namespace: namespace, name: swiftNames[ancestor.name] ?? "", arguments: [])
            if isSuperclass(candidate, second) { return candidate }
        }
        return nil
    }

    /// Classes ordered so that every base comes before its subclasses, otherwise as described.
    func ordered() -> [ClassDescription] {
        var ordered: [ClassDescription] = []
        var placed: Set<String> = []
        var remaining = classes
        while !remaining.isEmpty {
            let before = remaining.count
            remaining.removeAll { cls in
                let ready = cls.bases.allSatisfy { placed.contains($0) || byPythonName[$0] == nil }
                if ready {
                    ordered.append(cls)
                    placed.insert(cls.name)
                }
                return ready
            }
            if remaining.count == before {
                ordered += remaining
                break
            }
        }
        return ordered
    }
}
