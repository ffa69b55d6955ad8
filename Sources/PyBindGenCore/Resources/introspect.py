"""The Python half of pybindgen: describe a module as JSON.

Names, kinds, parameter kinds and real default values come from the running interpreter (the one embedded in
the Swift process that will run the bindings). Types come from typeshed stubs read through mypy's build API,
when mypy is importable; stubs never add names that do not exist at run time.
"""
import builtins
import importlib
import inspect
import json
import sys
import types

SCHEMA_VERSION = 1

# --- Types -----------------------------------------------------------------------------------------------

INT_NAMES = {"builtins.int", "typing.SupportsIndex", "typing.SupportsInt", "typing_extensions.SupportsIndex"}
FLOAT_NAMES = {"builtins.float", "typing.SupportsFloat"}
BYTES_NAMES = {"builtins.bytes", "builtins.bytearray", "builtins.memoryview", "typing_extensions.Buffer",
               "collections.abc.Buffer"}
LIST_NAMES = {"builtins.list", "typing.Sequence", "typing.MutableSequence", "typing.Iterable",
              "typing.Collection", "collections.abc.Sequence", "collections.abc.Iterable"}
DICT_NAMES = {"builtins.dict", "typing.Mapping", "typing.MutableMapping", "collections.abc.Mapping"}
SET_NAMES = {"builtins.set", "builtins.frozenset", "typing.AbstractSet", "typing.MutableSet"}


def dynamic(reason):
    return {"kind": "object", "reason": reason}


class TypeMapper:
    """Maps mypy types to pybindgen's small type language."""

    def __init__(self, module_name, local_classes):
        self.module_name = module_name
        self.local_classes = local_classes

    def map(self, typ, self_class=None, position="parameter", depth=0):
        from mypy import types as t
        if depth > 8:
            return dynamic("recursive type")
        depth += 1
        typ = t.get_proper_type(typ)
        if isinstance(typ, t.NoneType):
            return {"kind": "none"}
        if isinstance(typ, t.AnyType):
            return dynamic("Any")
        if isinstance(typ, t.TypeVarType):
            if self_class is not None and typ.name == "Self":
                return {"kind": "class", "name": self_class}
            bound = t.get_proper_type(typ.upper_bound)
            if isinstance(bound, t.Instance) and bound.type.fullname != "builtins.object":
                return self.map(bound, self_class, position, depth)
            return dynamic("type variable " + typ.name)
        if isinstance(typ, t.LiteralType):
            return self.map(typ.fallback, self_class, position, depth)
        if isinstance(typ, t.TupleType):
            if typ.partial_fallback.type.fullname != "builtins.tuple":
                return dynamic("named tuple")
            return {"kind": "tuple", "args": [self.map(item, self_class, position, depth) for item in typ.items]}
        if isinstance(typ, t.UnionType):
            items = [self.map(item, self_class, position, depth) for item in typ.items]
            has_none = any(item["kind"] == "none" for item in items)
            items = [item for item in items if item["kind"] != "none"]
            kinds = {item["kind"] for item in items}
            if kinds <= {"int", "float"} and "float" in kinds:
                items = [{"kind": "float"}]
            unique = []
            for item in items:
                if item not in unique:
                    unique.append(item)
            if any(item["kind"] == "object" for item in unique):
                inner = dynamic("union with a dynamic member")
            elif len(unique) == 1:
                inner = unique[0]
            else:
                inner = {"kind": "union", "args": unique}
            return {"kind": "optional", "args": [inner]} if has_none else inner
        if isinstance(typ, t.Instance):
            name = typ.type.fullname
            args = typ.args
            if name in INT_NAMES:
                return {"kind": "int"}
            if name in FLOAT_NAMES:
                return {"kind": "float"}
            if name == "builtins.str":
                return {"kind": "str"}
            if name == "builtins.bool":
                return {"kind": "bool"}
            if name in BYTES_NAMES:
                return {"kind": "bytes"}
            if name == "builtins.object":
                return dynamic("object")
            if name == "builtins.tuple" and args:
                return {"kind": "list", "args": [self.map(args[0], self_class, position, depth)]}
            if name in LIST_NAMES and args:
                return {"kind": "list", "args": [self.map(args[0], self_class, position, depth)]}
            if name in DICT_NAMES and len(args) == 2:
                return {"kind": "dict", "args": [self.map(a, self_class, position, depth) for a in args]}
            if name in SET_NAMES and args:
                return {"kind": "set", "args": [self.map(args[0], self_class, position, depth)]}
            module, _, short = name.rpartition(".")
            if module == self.module_name and short in self.local_classes:
                return {"kind": "class", "name": short}
            return dynamic(name)
        if isinstance(typ, t.CallableType):
            return dynamic("callable")
        if isinstance(typ, t.TypeType):
            return dynamic("type")
        return dynamic(type(typ).__name__)


# --- Stubs -----------------------------------------------------------------------------------------------

_STUB_FILES = {}
_STUB_SOURCE = None


def prepare_stubs(module_names):
    """Reads the stubs of all modules of this run with one mypy build; returns the type source text."""
    global _STUB_SOURCE
    try:
        from mypy import build
        from mypy.modulefinder import BuildSource
        from mypy.options import Options
        from mypy.version import __version__ as mypy_version
    except Exception as error:  # mypy missing or broken
        _STUB_SOURCE = "runtime signatures only: mypy is not available (%s)" % (error,)
        return _STUB_SOURCE
    options = Options()
    options.python_version = sys.version_info[:2]
    options.incremental = False
    options.follow_imports = "silent"
    options.ignore_missing_imports = True
    try:
        result = build.build([BuildSource(None, name) for name in module_names], options)
    except Exception as error:
        _STUB_SOURCE = "runtime signatures only: mypy failed (%s)" % (error,)
        return _STUB_SOURCE
    for name in module_names:
        if name in result.files:
            _STUB_FILES[name] = result.files[name]
    _STUB_SOURCE = "typeshed stubs through mypy %s" % mypy_version
    return _STUB_SOURCE


def load_stubs(module_name):
    """Returns (mypy file node, source description) or (None, reason)."""
    if _STUB_SOURCE is None:
        prepare_stubs([module_name])
    node = _STUB_FILES.get(module_name)
    if node is None:
        reason = _STUB_SOURCE if _STUB_SOURCE.startswith("runtime") else "runtime signatures only: no stubs for %s" % module_name
        return None, reason
    return node, _STUB_SOURCE


# --- Runtime ---------------------------------------------------------------------------------------------

def public_names(module):
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_")]
    return sorted(set(n for n in names if hasattr(module, n)))


def default_description(parameter):
    if parameter.default is inspect.Parameter.empty:
        return None
    value = parameter.default
    text = repr(value)
    representable = value is None or type(value) in (int, float, str, bool, bytes)
    return {"repr": text, "representable": representable}


KIND_NAMES = {
    inspect.Parameter.POSITIONAL_ONLY: "positional",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positionalOrKeyword",
    inspect.Parameter.KEYWORD_ONLY: "keyword",
    inspect.Parameter.VAR_POSITIONAL: "varPositional",
    inspect.Parameter.VAR_KEYWORD: "varKeyword",
}


def runtime_signature(function, drop_first=False):
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    parameters = list(signature.parameters.values())
    if drop_first and parameters:
        parameters = parameters[1:]
    return {
        "parameters": [
            {"name": p.name, "kind": KIND_NAMES[p.kind], "type": dynamic("no stub"),
             "default": default_description(p)}
            for p in parameters
        ],
        "returns": dynamic("no stub"),
    }


def expand_type_variables(callable_type):
    """One signature per choice of a value-constrained type variable: `mean(data: Iterable[_NumberT]) -> _NumberT`
    with `_NumberT = TypeVar(..., float, Decimal, Fraction)` becomes three overloads (at most 8 in all)."""
    from mypy import types as t
    from mypy.expandtype import expand_type
    variables = [v for v in callable_type.variables if isinstance(v, t.TypeVarType) and v.values]
    if not variables:
        return [callable_type]
    choices = [{}]
    for variable in variables:
        choices = [{**choice, variable.id: value} for choice in choices for value in variable.values]
    if len(choices) > 8:
        return [callable_type]
    return [expand_type(callable_type, choice) for choice in choices]


def stub_signatures(mapper, node, runtime, self_class=None, drop_first=False):
    """Signatures of a stub function (one per overload), with runtime defaults merged in."""
    from mypy import nodes, types as t
    if isinstance(node, nodes.Decorator):
        node = node.func
    if isinstance(node, nodes.OverloadedFuncDef):
        items = [item.func if isinstance(item, nodes.Decorator) else item for item in node.items]
    elif isinstance(node, nodes.FuncDef):
        items = [node]
    else:
        return None
    runtime_defaults = {}
    runtime_names = [p["name"] for p in runtime["parameters"]] if runtime is not None else []
    if runtime is not None:
        for parameter in runtime["parameters"]:
            runtime_defaults[parameter["name"]] = parameter["default"]
    signatures = []
    expanded_items = []
    for item in items:
        if not isinstance(item.type, t.CallableType):
            return None
        expanded_items.extend((item, callable_type) for callable_type in expand_type_variables(item.type))
    for item, callable_type in expanded_items:
        if isinstance(t.get_proper_type(callable_type.ret_type), t.UninhabitedType):
            continue  # an overload returning NoReturn marks a combination that always raises
        names = list(callable_type.arg_names)
        kinds = list(callable_type.arg_kinds)
        types_ = list(callable_type.arg_types)
        arguments = list(item.arguments) if len(item.arguments) == len(names) else [None] * len(names)
        if drop_first and names:
            names, kinds, types_, arguments = names[1:], kinds[1:], types_[1:], arguments[1:]
        parameters = []
        for index, (name, kind, arg_type) in enumerate(zip(names, kinds, types_)):
            argument = arguments[index]
            positional_only = name is None or (name.startswith("__") and not name.endswith("__")) or (
                argument is not None and getattr(argument, "pos_only", False))
            if name is None and argument is not None:
                name = argument.variable.name
            if kind == nodes.ARG_STAR:
                kind_name = "varPositional"
            elif kind == nodes.ARG_STAR2:
                kind_name = "varKeyword"
            elif kind in (nodes.ARG_NAMED, nodes.ARG_NAMED_OPT):
                kind_name = "keyword"
            elif positional_only:
                kind_name = "positional"
            else:
                kind_name = "positionalOrKeyword"
            if name is None and index < len(runtime_names) and len(runtime_names) == len(names):
                name_for_display = runtime_names[index]
            else:
                name_for_display = name
            display = (name_for_display or "arg%d" % index).lstrip("_") or "arg%d" % index
            default = None
            if kind.is_optional():
                default = runtime_defaults.get(name) or {"repr": "...", "representable": False}
            parameters.append({"name": display, "kind": kind_name,
                               "type": mapper.map(arg_type, self_class, "parameter"), "default": default})
        signatures.append({"parameters": parameters,
                           "returns": mapper.map(callable_type.ret_type, self_class, "return")})
    return signatures


# --- Description -----------------------------------------------------------------------------------------

def first_line_doc(obj):
    doc = inspect.getdoc(obj)
    return doc.strip() if isinstance(doc, str) else None


OPERATOR_DUNDERS = ["__add__", "__sub__", "__mul__", "__truediv__", "__mod__", "__and__", "__or__", "__xor__",
                    "__lshift__", "__rshift__", "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__",
                    "__neg__", "__pos__", "__invert__", "__floordiv__", "__pow__", "__abs__"]
PROTOCOL_DUNDERS = ["__len__", "__getitem__", "__iter__", "__call__", "__contains__"]


def stub_binds_first(stub_node):
    """Whether the stub's first parameter is bound (self or cls) rather than passed."""
    from mypy import nodes
    func = stub_node.func if isinstance(stub_node, nodes.Decorator) else stub_node
    if isinstance(func, nodes.OverloadedFuncDef) and func.items:
        first = func.items[0]
        func = first.func if isinstance(first, nodes.Decorator) else first
    return not getattr(func, "is_static", False)


def describe_function(mapper, name, obj, stub_node, self_class=None, drop_first=False, stub_drop_first=None):
    runtime = runtime_signature(obj, drop_first=drop_first) if callable(obj) else None
    signatures = None
    source = "runtime"
    if stub_node is not None:
        if stub_drop_first is None:
            stub_drop_first = drop_first
        signatures = stub_signatures(mapper, stub_node, runtime, self_class, stub_drop_first)
        if signatures:
            source = "stub"
    if not signatures:
        signatures = [runtime] if runtime is not None else [{
            "parameters": [
                {"name": "args", "kind": "varPositional", "type": dynamic("no signature"), "default": None},
                {"name": "kwargs", "kind": "varKeyword", "type": dynamic("no signature"), "default": None}],
            "returns": dynamic("no signature")}]
    return {"name": name, "doc": first_line_doc(obj), "overloads": signatures, "typeSource": source}


ITERATOR_NAMES = {"typing.Iterator", "typing.Generator", "typing.AsyncIterator"}


def iteration_element(mapper, stub_node, class_name):
    """The item type of `__iter__` (`Iterator[_T]` -> `_T`), or None when the stubs do not say."""
    from mypy import nodes, types as t
    if isinstance(stub_node, nodes.Decorator):
        stub_node = stub_node.func
    if not isinstance(stub_node, nodes.FuncDef) or not isinstance(stub_node.type, t.CallableType):
        return None
    returns = t.get_proper_type(stub_node.type.ret_type)
    if isinstance(returns, t.Instance) and returns.type.fullname in ITERATOR_NAMES and returns.args:
        return mapper.map(returns.args[0], class_name, "return")
    return None


def describe_class(mapper, module, name, cls, stub_info, local_classes, skipped):
    from mypy import nodes
    bases = [b.__name__ for b in cls.__bases__ if b.__module__ == cls.__module__ and b.__name__ in local_classes]
    description = {"name": name, "doc": first_line_doc(cls), "bases": bases[:1], "methods": [],
                   "classMethods": [], "properties": [], "operators": [], "protocols": [], "constructor": None}
    own = cls.__dict__
    stub_names = stub_info.names if stub_info is not None else {}
    init_node = stub_names.get("__init__") or stub_names.get("__new__")
    if init_node is not None or "__init__" in own or "__new__" in own or not bases:
        runtime_init = None
        try:
            runtime_init = runtime_signature(cls)
        except Exception:
            pass
        signatures = None
        if init_node is not None:
            signatures = stub_signatures(mapper, init_node.node, runtime_init, name, drop_first=True)
        if not signatures and runtime_init is not None:
            signatures = [runtime_init]
        if signatures:
            for signature in signatures:
                signature["returns"] = {"kind": "class", "name": name}
            description["constructor"] = signatures
    for member in sorted(own):
        if member.startswith("_") and member not in OPERATOR_DUNDERS + PROTOCOL_DUNDERS:
            continue
        value = own[member]
        # Search the stub class's MRO: `datetime.ctime` is declared on `date` in the stubs.
        stub = stub_info.get(member) if stub_info is not None else None
        stub_node = stub.node if stub is not None else None
        if member in PROTOCOL_DUNDERS:
            description["protocols"].append(describe_function(mapper, member, getattr(cls, member), stub_node, name, True))
            if member == "__iter__":
                description["iteration"] = iteration_element(mapper, stub_node, name)
            continue
        if member in OPERATOR_DUNDERS:
            description["operators"].append(describe_function(mapper, member, getattr(cls, member), stub_node, name, True))
            continue
        is_property = isinstance(value, (property, types.GetSetDescriptorType, types.MemberDescriptorType))
        if stub_node is not None and isinstance(stub_node, nodes.Decorator) and stub_node.func.is_property:
            is_property = True
        if is_property:
            prop_type = dynamic("no stub")
            if isinstance(stub_node, nodes.Decorator) and stub_node.func.type is not None:
                prop_type = mapper.map(stub_node.func.type.ret_type, name, "return")
            elif isinstance(stub_node, nodes.Var) and stub_node.type is not None:
                prop_type = mapper.map(stub_node.type, name, "return")
            description["properties"].append({"name": member, "type": prop_type, "doc": first_line_doc(value)})
        elif isinstance(value, (classmethod, staticmethod, types.ClassMethodDescriptorType, types.BuiltinMethodType)):
            description["classMethods"].append(
                describe_function(mapper, member, getattr(cls, member), stub_node, name, drop_first=False,
                                  stub_drop_first=stub_node is not None and stub_binds_first(stub_node)))
        elif callable(value):
            description["methods"].append(
                describe_function(mapper, member, value, stub_node, name, drop_first=True))
        else:
            if isinstance(stub_node, nodes.Var) and stub_node.type is not None:
                description["properties"].append(
                    {"name": member, "type": mapper.map(stub_node.type, name, "return"), "doc": None})
            else:
                skipped.append({"name": "%s.%s" % (name, member), "reason": "class attribute without a stub type"})
    return description


def constant_type(mapper, value, stub_node):
    from mypy import nodes
    if stub_node is not None and isinstance(stub_node, nodes.Var) and stub_node.type is not None:
        return mapper.map(stub_node.type, None, "return")
    for python_type, kind in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"), (bytes, "bytes")):
        if type(value) is python_type:
            return {"kind": kind}
    return dynamic(type(value).__qualname__)


def describe(module_name, include, exclude, use_stubs):
    try:
        module = importlib.import_module(module_name)
    except SystemExit as error:
        raise RuntimeError("importing %s called sys.exit(%r)" % (module_name, error.code))
    names = public_names(module)
    if include:
        names = [n for n in names if n in include]
    if exclude:
        names = [n for n in names if n not in exclude]
    stub_file, type_source = (None, "runtime signatures only: stubs disabled")
    if use_stubs:
        stub_file, type_source = load_stubs(module_name)
    stub_names = stub_file.names if stub_file is not None else {}
    local_classes = {n for n in names if isinstance(getattr(module, n), type)
                     and getattr(getattr(module, n), "__module__", None) in (module_name, "builtins" if module_name == "builtins" else module_name)}
    # C accelerators (datetime's classes live in _datetime, but say __module__ == 'datetime').
    local_classes |= {n for n in names if isinstance(getattr(module, n), type)
                      and getattr(module, n).__module__ == module_name}
    mapper = TypeMapper(module_name, local_classes)
    result = {"schemaVersion": SCHEMA_VERSION, "module": module_name,
              "pythonVersion": "%d.%d.%d" % sys.version_info[:3], "typeSource": type_source,
              "doc": first_line_doc(module), "functions": [], "classes": [], "constants": [],
              "skipped": [], "drift": []}
    for name in names:
        value = getattr(module, name)
        stub = stub_names.get(name)
        stub_node = stub.node if stub is not None else None
        if stub_file is not None and stub is None:
            result["drift"].append({"name": name, "detail": "exists at run time but not in the stubs"})
        if isinstance(value, types.ModuleType):
            result["skipped"].append({"name": name, "reason": "submodule (generate it separately)"})
        elif isinstance(value, type):
            if issubclass(value, BaseException):
                result["skipped"].append({"name": name, "reason": "exception type (raised as PythonError)"})
            elif name in local_classes:
                from mypy import nodes
                info = stub_node if stub_node is not None and isinstance(stub_node, nodes.TypeInfo) else None
                result["classes"].append(describe_class(mapper, module, name, value, info, local_classes,
                                                        result["skipped"]))
            else:
                result["skipped"].append({"name": name, "reason": "class defined in %s" % value.__module__})
        elif callable(value):
            result["functions"].append(describe_function(mapper, name, value, stub_node))
        else:
            result["constants"].append({"name": name, "type": constant_type(mapper, value, stub_node),
                                        "doc": None})
    if stub_file is not None:
        runtime_names = set(public_names(module))
        for name in sorted(stub_file.names):
            if not name.startswith("_") and name not in runtime_names and stub_file.names[name].module_public:
                node = stub_file.names[name].node
                from mypy import nodes
                if isinstance(node, (nodes.FuncDef, nodes.OverloadedFuncDef, nodes.Decorator, nodes.TypeInfo, nodes.Var)) \
                        and getattr(node, "fullname", "").startswith(module_name + "."):
                    result["drift"].append({"name": name, "detail": "in the stubs but not at run time (not generated)"})
    return json.dumps(result, sort_keys=True, indent=1)
