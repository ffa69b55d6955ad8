/// A module's classes: each class's members, with what it inherits from its base in the module (an
/// ``InheritedScope``) so that overrides line up and conflicting members are left out.
extension Translator {
    /// What a class passes to its subclasses.
    struct InheritedScope {
        /// Members by override key: several when they differ only in wrapper classes (sibling overloads
        /// `f(x: A)` and `f(x: B)` share a key, and each can be overridden).
        var members: [SignatureKey: [TranslatedFunction]] = [:]

        /// Records `function` under its override key, replacing the member it overrides, if any.
        mutating func record(_ function: TranslatedFunction, replacing overridden: TranslatedFunction?) {
            var list = members[function.overrideKey] ?? []
            if let overridden { list.removeAll { $0.signatureKey == overridden.signatureKey } }
            list.append(function)
            members[function.overrideKey] = list
        }
        /// Property types by Swift name.
        var properties: [String: SwiftType] = [:]
        /// Subscript results by key type.
        var subscripts: [SwiftType: SwiftType] = [:]
        /// `elements()`: its name and item type.
        var iteration: (name: String, element: SwiftType)?
        /// Python member name → Swift name.
        var names: [String: String] = [:]
    }

    /// The wrapper class for `cls`, or nil when it is not wrapped; records what it passes on in `scopes`.
    mutating func translateClass(
        _ cls: ClassDescription, subclassed: Set<String>, scopes: inout [String: InheritedScope]
    ) -> TranslatedClass? {
        guard let className = types.classNames[cls.name] else {
            if description.module == "builtins", Self.machineryClasses.contains(cls.name) {
                skipped.append(SkippedName(name: cls.name, reason: "interpreter machinery; use PythonObject"))
            } else if !Naming.isRepresentable(cls.name) {
                skipped.append(SkippedName(name: cls.name, reason: "not a Swift identifier"))
            }
            return nil
        }
        let base = cls.bases.first.flatMap { types.classNames[$0] }
        var translated = TranslatedClass(
            swiftName: className, pythonName: cls.name, doc: cls.doc, superclass: base,
            isFinal: !subclassed.contains(cls.name))
        let outerTypes = types
        defer { types = outerTypes }
        var cls = cls
        if let parameters = types.genericClasses[cls.name] {
            translated.typeParameters = parameters
            types.enclosingClass = (cls.name, parameters)
            cls = Self.renamingMethodTypeVariables(of: cls, apartFrom: parameters)
        }
        let ancestor = cls.bases.first.flatMap { scopes[$0] } ?? InheritedScope()
        var own = ancestor
        // Member names: inherited ones keep their Swift name (so overrides line up), new ones are made unique.
        let newNames = (cls.methods + cls.classMethods).map(\.name) + cls.properties.map(\.name)
        var names = ancestor.names
        names.merge(
            Naming.uniqueNames(
                newNames.filter { ancestor.names[$0] == nil && Naming.isRepresentable($0) },
                taken: Set(ancestor.names.values).union(Naming.reservedMembers).union(["count"]),
                transform: Naming.lowerCamel)
        ) { old, _ in old }
        own.names = names
        func memberName(_ python: String) -> String { names[python] ?? self.memberName(python) }
        let ancestorPropertyNames = Set(ancestor.properties.keys)
        let ancestorMethodNames = Set(ancestor.members.values.flatMap { $0 }.map(\.swiftName))
        var keys: Set<SignatureKey> = []
        func add(_ function: TranslatedFunction) {
            var function = function
            if ancestorPropertyNames.contains(function.swiftName) {
                skipped.append(
                    SkippedName(
                        name: "\(cls.name).\(function.pythonName)",
                        reason: "named like an inherited property (\(function.swiftName))"))
                return
            }
            var overridden: TranslatedFunction?
            if let candidates = ancestor.members[function.overrideKey], !candidates.isEmpty {
                overridden = candidates.first { candidate in
                    function.canOverride(
                        candidate,
                        covariantResult: types.classType(cls.name)
                            ?? .wrapper(namespace: swiftName, name: className, arguments: []),
                        isSuperclass: hierarchy.isSuperclass)
                }
                guard overridden != nil else {
                    skipped.append(
                        SkippedName(
                            name: "\(cls.name).\(function.pythonName)",
                            reason: "conflicts with the inherited \(function.swiftName) of another type"))
                    return
                }
                guard function.kind != .binaryOperator, function.kind != .prefixOperator else {
                    // Swift operators are static: the inherited one already takes this class's instances.
                    skipped.append(
                        SkippedName(
                            name: "\(cls.name).\(function.pythonName)",
                            reason: "the inherited operator \(function.swiftName) applies"))
                    return
                }
                function.isOverride = true
            }
            guard keys.insert(function.signatureKey).inserted else { return }
            own.record(function, replacing: overridden)
            translated.members.append(function)
        }
        if let constructor = cls.constructor {
            let reference = "_\(className)_class"
            let function = FunctionDescription(
                name: "__init__", doc: nil, overloads: constructor, typeSource: "stub")
            let initializers = functions(
                for: function, swiftName: "init", kind: .initializer, callee: .reference(reference))
            if !initializers.isEmpty {
                // A class that declares initializers inherits none.
                own.members = own.members.mapValues { $0.filter { $0.kind != .initializer } }
            }
            for var initializer in initializers where keys.insert(initializer.signatureKey).inserted {
                var overridden: TranslatedFunction?
                if let candidates = ancestor.members[initializer.overrideKey]?.filter({ $0.kind == .initializer }),
                    !candidates.isEmpty
                {
                    overridden = candidates.first { candidate in
                        initializer.canOverride(
                            candidate, covariantResult: initializer.result, isSuperclass: hierarchy.isSuperclass)
                    }
                    guard overridden != nil else {
                        skipped.append(
                            SkippedName(
                                name: "\(cls.name).__init__",
                                reason: "an initializer conflicts with an inherited one of other types"))
                        continue
                    }
                    initializer.isOverride = true
                }
                own.record(initializer, replacing: overridden)
                translated.members.append(initializer)
                translated.hasInitializer = true
            }
        }
        for method in (cls.methods + cls.protocols.filter { $0.name == "__call__" })
        where representable(method.name, owner: cls.name) || method.name == "__call__" {
            let isCall = method.name == "__call__"
            let name = isCall ? "callAsFunction" : memberName(method.name)
            let reference = "_py_\(cls.name)_\(method.name)"
            translated.references.append(
                CallableReference(swiftName: reference, path: [method.name], isMemberName: true))
            for function in functions(
                for: method, swiftName: name, kind: isCall ? .callAsFunction : .method,
                callee: .reference(reference),
                passesSelf: true)
            {
                add(function)
            }
        }
        for method in cls.classMethods where representable(method.name, owner: cls.name) {
            let reference = "_py_\(cls.name)_\(method.name)"
            translated.references.append(CallableReference(swiftName: reference, path: [cls.name, method.name]))
            for function in functions(
                for: method, swiftName: memberName(method.name), kind: .classFunction,
                callee: .reference(reference))
            {
                add(function)
            }
        }
        for operation in cls.operators { operators(for: operation, in: cls, className: className).forEach(add) }
        for property in cls.properties where representable(property.name, owner: cls.name) {
            let name = memberName(property.name)
            if ancestorMethodNames.contains(name) || translated.members.contains(where: { $0.swiftName == name }) {
                skipped.append(
                    SkippedName(name: "\(cls.name).\(property.name)", reason: "named like a method (\(name))"))
                continue
            }
            var type = types.resultType(property.type)
            if type == .void { type = .lostObject }
            if let existing = ancestor.properties[name] {
                if existing != type {
                    skipped.append(
                        SkippedName(
                            name: "\(cls.name).\(property.name)", reason: "conflicts with an inherited property"))
                    continue
                }
            }
            var translatedProperty = TranslatedProperty(
                swiftName: name, pythonName: property.name, type: type, doc: property.doc)
            translatedProperty.isOverride = ancestor.properties[name] != nil
            translatedProperty.reference = "_py_\(cls.name)_\(property.name)"
            translated.references.append(
                CallableReference(
                    swiftName: translatedProperty.reference!, path: [property.name], isMemberName: true))
            own.properties[name] = type
            translated.properties.append(translatedProperty)
        }
        if cls.protocols.contains(where: { $0.name == "__len__" }), ancestor.properties["count"] == nil {
            translated.properties.append(
                TranslatedProperty(
                    swiftName: "count", pythonName: "__len__",
                    type: .int, doc: "`len(self)`.", special: .length))
            own.properties["count"] = .int
        }
        // `__getitem__` → a throwing subscript per key type (a key type Python does not type is skipped when
        // a typed one exists; an inherited subscript with another result type is skipped).
        for overload in cls.protocols.first(where: { $0.name == "__getitem__" })?.overloads ?? [] {
            guard let keyParameter = overload.parameters.first(where: { $0.kind != .varKeyword }) else { continue }
            // A `slice` key is a Swift range: `items[2..<5]`.
            let isSlice = types.swiftType(keyParameter.type, topLevelParameter: true) == .slice
            var key = isSlice ? .slice : types.swiftType(keyParameter.type, topLevelParameter: false)
            // A union key would be a value enum (`view[.int(3)]`): it stays dynamic, as other untyped keys.
            if case .valueUnion = key { key = key.asObject }
            var result = types.resultType(overload.returns)
            if result.needsItemConversion || result == .void { result = .object(.open) }
            if let existing = ancestor.subscripts[key], existing != result { continue }
            guard !translated.subscripts.contains(where: { $0.key == key }) else { continue }
            translated.subscripts.append(
                TranslatedSubscript(key: key, result: result, isOverride: ancestor.subscripts[key] != nil))
            own.subscripts[key] = result
        }
        if translated.subscripts.contains(where: { !$0.key.isDynamic }) {
            for item in translated.subscripts where item.key.isDynamic && !item.isOverride {
                own.subscripts[item.key] = nil
            }
            translated.subscripts.removeAll { $0.key.isDynamic && !$0.isOverride }
        }
        // `__iter__` → `elements()`, all items converted (named `iteratedElements()` if Python uses the name).
        if let item = cls.iteration {
            let element = types.resultType(item)
            let memberNames = Set(translated.members.map(\.swiftName)).union(ancestorMethodNames)
            let name = memberNames.contains("elements") ? "iteratedElements" : "elements"
            if let inheritedIteration = own.iteration {
                if inheritedIteration.element == element && inheritedIteration.name == name {
                    translated.iteration = (name, element, true)
                }
            } else if !element.needsItemConversion && element != .void {
                translated.iteration = (name, element, false)
                own.iteration = (name, element)
            }
        }
        scopes[cls.name] = own
        return translated
    }

    /// The class with its methods' own type variables renamed where their Swift generic parameter would shadow
    /// one of the class's (`dict.get`'s `_T` inside `Counter<T>` becomes `OtherT`).
    static func renamingMethodTypeVariables(of cls: ClassDescription, apartFrom parameters: [String])
        -> ClassDescription
    {
        var taken = Set(parameters.map(TypeTranslator.genericName))
        var renamed: [String: String] = [:]
        func rename(_ type: PythonType) -> PythonType {
            type.rewritten { inner in
                guard case .typeVariable(let name, let values) = inner,
                    taken.contains(TypeTranslator.genericName(name)) || renamed[name] != nil
                else { return nil }
                if renamed[name] == nil {
                    var candidate = "Other" + TypeTranslator.genericName(name)
                    while taken.contains(TypeTranslator.genericName(candidate)) { candidate = "Other" + candidate }
                    renamed[name] = candidate
                    taken.insert(TypeTranslator.genericName(candidate))
                }
                return .typeVariable(renamed[name]!, values: values)
            }
        }
        return cls.mappingTypes(rename)
    }

    func memberName(_ python: String) -> String {
        let name = Naming.lowerCamel(python)
        return Naming.reservedMembers.contains(name) || name == "count" ? name + "_" : name
    }
}
