"""mypy's types — from stubs, or annotations mypy read — in the type language, and the signatures of stub
functions with the runtime's defaults merged in. mypy is imported only when a run reads stubs."""
from . import typelang as tl
from .runtime_types import runtime_fullname

INT_NAMES = {"builtins.int", "typing.SupportsIndex", "typing.SupportsInt", "typing_extensions.SupportsIndex"}
FLOAT_NAMES = {"builtins.float", "typing.SupportsFloat"}
BYTES_NAMES = {"builtins.bytes", "builtins.bytearray", "builtins.memoryview", "typing_extensions.Buffer",
               "collections.abc.Buffer"}
LIST_NAMES = {"builtins.list", "typing.Sequence", "typing.MutableSequence", "typing.Iterable",
              "typing.Collection", "collections.abc.Sequence", "collections.abc.Iterable",
              "_typeshed.SupportsLenAndGetItem", "numpy._typing._nested_sequence._NestedSequence"}
# The protocols among LIST_NAMES that a `str` satisfies (a str is a Sequence[str]): stated as `sequence`.
TEXT_SEQUENCE_NAMES = {"typing.Sequence", "typing.Iterable", "typing.Collection", "collections.abc.Sequence",
                       "collections.abc.Iterable", "collections.abc.Collection", "_typeshed.SupportsLenAndGetItem"}
DICT_NAMES = {"builtins.dict", "typing.Mapping", "typing.MutableMapping", "collections.abc.Mapping",
              "_typeshed.SupportsItems", "_typeshed.SupportsKeysAndGetItem"}
SET_NAMES = {"builtins.set", "builtins.frozenset", "typing.AbstractSet", "typing.MutableSet"}
ITERATOR_NAMES = {"typing.Iterator", "typing.Generator", "typing.AsyncIterator"}
# Awaitables: a coroutine function's result, `Awaitable[T]`.
COROUTINE_NAMES = {"typing.Coroutine", "collections.abc.Coroutine"}
AWAITABLE_NAMES = {"typing.Awaitable", "collections.abc.Awaitable"}
ASYNC_ITERATOR_NAMES = {"typing.AsyncIterator", "typing.AsyncGenerator", "typing.AsyncIterable",
                        "collections.abc.AsyncIterator", "collections.abc.AsyncGenerator",
                        "collections.abc.AsyncIterable"}
SYNC_ITERATOR_NAMES = {"typing.Iterator", "typing.Generator", "collections.abc.Iterator",
                       "collections.abc.Generator"}


class TypeMapper:
    """Maps mypy types to the type language, for one module (`classes`: full name -> generated name, the classes
    this module generates)."""

    def __init__(self, classes):
        self.classes = classes
        self.function_variables = set()
        # The stub class whose members are being described: members found on its generic bases are specialized
        # to it (see `specialize`).
        self.specializing = None
        # The type parameters of the class whose members are being described (see `class_type_parameters`).
        self.class_parameters = set()

    def class_reference(self, fullname, args=()):
        name = self.classes.get(fullname)
        return tl.own_class(name) if name is not None else tl.foreign_class(fullname, args)

    def callback(self, typ, self_class, depth):
        """A callable a caller passes in or receives: its positional parameters and result."""
        from mypy import nodes
        if typ.is_ellipsis_args or typ.variables or any(kind != nodes.ARG_POS for kind in typ.arg_kinds):
            return tl.dynamic("callable with keyword, variadic or generic parameters")
        return tl.callable_type([self.map(arg, self_class, depth) for arg in typ.arg_types],
                                self.map(typ.ret_type, self_class, depth))

    def map(self, typ, self_class=None, depth=0):
        from mypy import types as t
        if depth > 8:
            return tl.dynamic("recursive type")
        depth += 1
        alias = typ.alias.name if isinstance(typ, t.TypeAliasType) and typ.alias is not None else None
        typ = t.get_proper_type(typ)
        if isinstance(typ, t.NoneType):
            return tl.scalar("none")
        if isinstance(typ, t.AnyType):
            return tl.open_dynamic("Any")
        if isinstance(typ, t.TypeVarType):
            if self_class is not None and typ.name == "Self":
                return tl.own_class(self_class)
            if typ.values:
                values = [self.map(value, self_class, depth) for value in typ.values]
                if typ.id in self.function_variables:
                    return tl.type_variable(typ.name, values)
                return tl.union(values)
            bound = t.get_proper_type(typ.upper_bound)
            if isinstance(bound, t.Instance) and bound.type.fullname != "builtins.object":
                return self.map(bound, self_class, depth)
            if typ.id in self.function_variables:
                return tl.type_variable(typ.name)
            if typ.name in self.class_parameters:
                return tl.class_parameter(typ.name)
            if typ.has_default():
                # `memoryview`'s `_I = TypeVar("_I", default=int)`: what a bare `memoryview` means.
                return self.map(typ.default, self_class, depth)
            return tl.open_dynamic("type variable %s of a generic class" % typ.name)
        if isinstance(typ, t.LiteralType):
            if tl.literal_value(typ.value) and typ.fallback.type.fullname in ("builtins.str", "builtins.int"):
                return tl.literal([typ.value], alias)
            return self.map(typ.fallback, self_class, depth)
        if isinstance(typ, t.TupleType):
            fallback = typ.partial_fallback.type.fullname
            if fallback != "builtins.tuple":
                return self.class_reference(fallback)
            return tl.generic("tuple", *[self.map(item, self_class, depth) for item in typ.items])
        if isinstance(typ, t.UnionType):
            return self.union(typ, alias, self_class, depth)
        if isinstance(typ, t.Instance):
            return self.instance(typ, self_class, depth)
        if isinstance(typ, t.TypedDictType):
            fullname = typ.fallback.type.fullname
            if fullname.endswith("._TypedDict") or "." not in fullname:
                return tl.generic("dict", tl.scalar("str"), tl.open_dynamic("TypedDict value"))
            return tl.typed_dict(fullname, [(key, self.map(value, self_class, depth), key in typ.required_keys)
                                            for key, value in typ.items.items()])
        if isinstance(typ, t.CallableType):
            return self.callback(typ, self_class, depth)
        if isinstance(typ, t.TypeType):
            return tl.dynamic("type")
        return tl.dynamic(type(typ).__name__)

    def union(self, typ, alias, self_class, depth):
        """A union, its literal members of one kind (`str` or `int`) gathered into one literal, named by the
        alias when the whole union is literals (`OpenTextMode`)."""
        items = [self.map(item, self_class, depth) for item in typ.items]
        literals = [item for item in items if item["kind"] == "literal"]
        kinds = {type(value) for item in literals for value in item["values"]}
        if len(literals) < 2 or len(kinds) != 1:
            return tl.union(items)
        values = []
        for item in literals:
            values += [value for value in item["values"] if value not in values]
        rest = [item for item in items if item["kind"] != "literal"]
        named = alias if all(item["kind"] in ("literal", "none") for item in items) else None
        if named is None and len(literals) == 1:
            named = literals[0].get("name")
        gathered = tl.literal(values, named)
        at = items.index(literals[0])
        return tl.union(rest[:at] + [gathered] + rest[at:])

    def instance(self, typ, self_class, depth):
        name = typ.type.fullname
        args = [self.map(arg, self_class, depth) for arg in typ.args]
        if name in INT_NAMES:
            return tl.scalar("int")
        if name in FLOAT_NAMES:
            return tl.scalar("float")
        if name in ("builtins.complex", "typing.SupportsComplex"):
            return tl.scalar("complex")
        if name == "builtins.str":
            return tl.scalar("str")
        if name == "builtins.bool":
            return tl.scalar("bool")
        if name in BYTES_NAMES:
            return tl.scalar("bytes")
        if name == "builtins.object":
            return tl.open_dynamic("object")
        if name == "builtins.tuple" and args:
            return tl.generic("list", args[0])
        if name in LIST_NAMES and args:
            return tl.generic("sequence" if name in TEXT_SEQUENCE_NAMES else "list", args[0])
        if name == "_typeshed.SupportsGetItem" and len(args) == 2 and args[0]["kind"] == "int":
            return tl.generic("list", args[1])
        if name in DICT_NAMES and len(args) == 2:
            return tl.generic("dict", *args)
        if name in SET_NAMES and args:
            return tl.generic("set", args[0])
        if name in SYNC_ITERATOR_NAMES and args:
            return tl.generic("iterator", args[0])
        if name in COROUTINE_NAMES and len(args) == 3:
            # `async def f() -> T` reaches mypy as `Coroutine[Any, Any, T]`.
            return tl.generic("awaitable", args[2])
        if name in AWAITABLE_NAMES and args:
            return tl.generic("awaitable", args[0])
        if name in ASYNC_ITERATOR_NAMES and args:
            return tl.generic("asyncIterator", args[0])
        if name == "os.PathLike":
            # Stated with its argument wherever it appears, `os` included: `PathLike[str]` is a path given as text.
            return tl.foreign_class(name, args)
        if name in self.classes:
            return tl.own_class(self.classes[name], args)
        if typ.type.is_protocol and name not in ITERATOR_NAMES and name != "os.PathLike":
            return tl.open_dynamic("protocol " + name)
        return tl.foreign_class(name, args)


def class_type_parameters(info):
    """The type variables a stub class is generic over that can be generic parameters of its Swift class: the
    unbounded, unconstrained ones without a default (`_T` of `class Counter(dict[_T, int])`), in order. A
    bounded, value-constrained or defaulted one is read as its bound, its values or its default where it
    appears (Swift has no default generic arguments); a class with a ParamSpec or a TypeVarTuple has none."""
    from mypy import types as t
    variables = getattr(getattr(info, "defn", None), "type_vars", None) or []
    if any(not isinstance(variable, t.TypeVarType) for variable in variables):
        return []
    names = []
    for variable in variables:
        bound = t.get_proper_type(variable.upper_bound)
        if variable.values or variable.has_default() or (
                isinstance(bound, t.Instance) and bound.type.fullname != "builtins.object"):
            continue
        names.append(variable.name)
    return names


def callable_items(node):
    """The CallableTypes of a stub function, decorator, overload, or a variable bound to a callable
    (`randint = _inst.randint`)."""
    from mypy import nodes, types as t
    if isinstance(node, nodes.Decorator):
        node = node.func
    if isinstance(node, nodes.OverloadedFuncDef):
        funcs = [item.func if isinstance(item, nodes.Decorator) else item for item in node.items]
        return [(f, f.type) for f in funcs]
    if isinstance(node, nodes.FuncDef):
        return [(node, node.type)]
    if isinstance(node, nodes.Var) and node.type is not None:
        proper = t.get_proper_type(node.type)
        if isinstance(proper, t.CallableType):
            return [(None, proper)]
        if isinstance(proper, t.Overloaded):
            return [(None, item) for item in proper.items]
        if isinstance(proper, t.Instance):
            return instance_call_items(proper)
    return None


def instance_call_items(instance):
    """A module attribute that is a callable object (numpy's ufuncs: `sin: _UFunc_Nin1_Nout1[...]`) is typed by
    its class's `__call__`, bound and with the class's type arguments filled in."""
    from mypy import nodes, types as t
    from mypy.expandtype import expand_type_by_instance
    from mypy.maptype import map_instance_to_supertype
    from mypy.typeops import bind_self
    method = instance.type.get_method("__call__")
    if isinstance(method, nodes.Decorator):
        method = method.func
    if method is None or method.type is None or method.info.fullname == "builtins.object":
        return None
    try:
        owner = map_instance_to_supertype(instance, method.info)
        method_type = t.get_proper_type(expand_type_by_instance(method.type, owner))
        items = method_type.items if isinstance(method_type, t.Overloaded) else [method_type]
        return [(None, bind_self(item, instance)) for item in items if isinstance(item, t.CallableType)] or None
    except Exception:
        return None


def sentinel_default_types(function):
    """Parameter name -> full name of its default's type, for defaults of non-builtin types (sentinels such as
    numpy's `_NoValue`)."""
    import inspect
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {p.name: runtime_fullname(type(p.default)) for p in parameters
            if p.default is not inspect.Parameter.empty and type(p.default).__module__ != "builtins"}


def without_sentinel(arg_type, sentinel):
    """`bool | _NoValueType` -> `bool` when the parameter's default is the `_NoValue` sentinel: an omitted optional
    parameter is never sent, so the sentinel's type has nothing to add."""
    from mypy import types as t
    proper = t.get_proper_type(arg_type)
    if sentinel is None or not isinstance(proper, t.UnionType):
        return arg_type

    def is_sentinel(item):
        item = t.get_proper_type(item)
        return isinstance(item, t.Instance) and item.type.fullname == sentinel

    items = [item for item in proper.items if not is_sentinel(item)]
    return t.UnionType.make_union(items) if items and len(items) < len(proper.items) else arg_type


def parameter_kind(kind, name, argument):
    """The description's parameter kind for a mypy argument kind."""
    from mypy import nodes
    positional_only = name is None or (name.startswith("__") and not name.endswith("__")) or (
        argument is not None and getattr(argument, "pos_only", False))
    if kind == nodes.ARG_STAR:
        return "varPositional"
    if kind == nodes.ARG_STAR2:
        return "varKeyword"
    if kind in (nodes.ARG_NAMED, nodes.ARG_NAMED_OPT):
        return "keyword"
    return "positional" if positional_only else "positionalOrKeyword"


def stub_signatures(mapper, node, runtime, self_class=None, drop_first=False, sentinels=None, self_types=False):
    """Signatures of a stub function (one per overload), with runtime defaults merged in; with `self_types`,
    each also states the type of the dropped first parameter where the stub annotates it (`self`)."""
    from mypy import types as t
    sentinels = sentinels or {}
    items = callable_items(node)
    if not items:
        return None
    items = [(item, specialize(mapper, item_type, item if item is not None else node)) for item, item_type in items]
    runtime_parameters = runtime["parameters"] if runtime is not None else []
    runtime_names = [p["name"] for p in runtime_parameters]
    runtime_defaults = {p["name"]: p["default"] for p in runtime_parameters}
    if any(not isinstance(item_type, t.CallableType) for _, item_type in items):
        return None
    signatures = []
    for item, callable_type in items:
        if isinstance(t.get_proper_type(callable_type.ret_type), t.UninhabitedType):
            continue  # an overload returning NoReturn marks a combination that always raises
        mapper.function_variables = {v.id for v in callable_type.variables}
        names = list(callable_type.arg_names)
        kinds = list(callable_type.arg_kinds)
        types_ = list(callable_type.arg_types)
        arguments = (list(item.arguments) if item is not None and len(item.arguments) == len(names)
                     else [None] * len(names))
        first_type = None
        if drop_first and names:
            first = arguments[0]
            if self_types and first is not None and first.type_annotation is not None:
                first_type = mapper.map(types_[0], self_class)
            names, kinds, types_, arguments = names[1:], kinds[1:], types_[1:], arguments[1:]
        parameters = []
        for index, (name, kind, arg_type) in enumerate(zip(names, kinds, types_)):
            argument = arguments[index]
            kind_name = parameter_kind(kind, name, argument)
            if name is None and argument is not None:
                name = argument.variable.name
            if name is None and index < len(runtime_names) and len(runtime_names) == len(names):
                name_for_display = runtime_names[index]
            else:
                name_for_display = name
            display = (name_for_display or "arg%d" % index).lstrip("_") or "arg%d" % index
            default = None
            if kind.is_optional():
                default = runtime_defaults.get(name) or {"repr": "...", "representable": False}
                arg_type = without_sentinel(arg_type, sentinels.get(name))
            parameters.append({"name": display, "kind": kind_name, "type": mapper.map(arg_type, self_class),
                               "default": default})
        signature = {"parameters": parameters, "returns": mapper.map(callable_type.ret_type, self_class)}
        if first_type is not None:
            signature["self"] = first_type
        signatures.append(signature)
        mapper.function_variables = set()
    return signatures


def stub_binds_first(stub_node):
    """Whether the stub's first parameter is bound (self or cls) rather than passed."""
    from mypy import nodes
    func = stub_node.func if isinstance(stub_node, nodes.Decorator) else stub_node
    if isinstance(func, nodes.OverloadedFuncDef) and func.items:
        first = func.items[0]
        func = first.func if isinstance(first, nodes.Decorator) else first
    return not getattr(func, "is_static", False)


def iteration_element(mapper, stub_node, class_name, stub_info=None):
    """The item type of `__iter__` (`Iterator[_T]` -> `_T`; for an iterator class whose `__iter__` returns itself,
    what `__next__` returns), or None when the stubs do not say."""
    if stub_node is None:
        return None
    from mypy import nodes, types as t
    if isinstance(stub_node, nodes.Decorator):
        stub_node = stub_node.func
    if not isinstance(stub_node, nodes.FuncDef) or not isinstance(stub_node.type, t.CallableType):
        return None
    # Specialized to the class described: `deque[_T]` inherits `__iter__` from `Sequence[_T_co]`.
    returns = t.get_proper_type(getattr(specialize(mapper, stub_node.type, stub_node), "ret_type",
                                        stub_node.type.ret_type))
    if isinstance(returns, t.Instance) and returns.type.fullname in ITERATOR_NAMES and returns.args:
        return mapper.map(returns.args[0], class_name)
    returns_self = isinstance(returns, t.TypeVarType) or (
        isinstance(returns, t.Instance) and stub_info is not None and returns.type is stub_info)
    if returns_self and stub_info is not None:
        next_symbol = stub_info.get("__next__")
        next_node = next_symbol.node if next_symbol is not None else None
        if isinstance(next_node, nodes.Decorator):
            next_node = next_node.func
        if isinstance(next_node, nodes.FuncDef) and isinstance(next_node.type, t.CallableType):
            return mapper.map(specialize(mapper, next_node.type, next_node).ret_type, class_name)
    return None


def is_stub_property(stub_node):
    return type(stub_node).__name__ == "Decorator" and stub_node.func.is_property


def stub_property_type(mapper, stub_node, class_name):
    kind = type(stub_node).__name__
    if kind == "Decorator" and stub_node.func.type is not None:
        specialized = specialize(mapper, stub_node.func.type, stub_node.func)
        return mapper.map(getattr(specialized, "ret_type", stub_node.func.type.ret_type), class_name)
    if kind == "Var" and stub_node.type is not None:
        return mapper.map(specialize(mapper, stub_node.type, stub_node), class_name)
    return None


def specialize(mapper, typ, node):
    """A member's type as the class being described (`mapper.specializing`) sees it: `netloc: AnyStr` on
    `_ParseResultBase[AnyStr]`, read through `ParseResult(_ParseResultBase[str])`, is `str`."""
    stub_info = mapper.specializing
    owner = getattr(node, "info", None)
    if stub_info is None or owner is None or owner is stub_info or not getattr(owner, "type_vars", None):
        return typ
    try:
        from mypy.expandtype import expand_type_by_instance
        from mypy.maptype import map_instance_to_supertype
        from mypy.typevars import fill_typevars
        from mypy import types as t
        instance = fill_typevars(stub_info)
        if isinstance(instance, t.TupleType):  # a NamedTuple class
            instance = instance.partial_fallback
        return expand_type_by_instance(typ, map_instance_to_supertype(instance, owner))
    except Exception:
        return typ
