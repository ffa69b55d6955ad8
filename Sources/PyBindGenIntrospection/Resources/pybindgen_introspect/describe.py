"""A module's description: its functions, classes and constants, each with the signatures and types its typing
source states. Everything here depends only on the module itself (and its typing source), never on which other
modules the run describes."""
import importlib
import inspect
import sys
import types
import typing

from . import mypy_types as mt
from . import typelang as tl
from .runtime_types import RUNTIME_SCALARS, RuntimeTypeMapper, runtime_fullname, runtime_signature, type_hints

OPERATOR_DUNDERS = ["__add__", "__sub__", "__mul__", "__truediv__", "__mod__", "__and__", "__or__", "__xor__",
                    "__lshift__", "__rshift__", "__lt__", "__le__", "__gt__", "__ge__", "__eq__", "__ne__",
                    "__neg__", "__pos__", "__invert__", "__floordiv__", "__pow__", "__abs__"]
PROTOCOL_DUNDERS = ["__len__", "__getitem__", "__iter__", "__call__", "__contains__"]


def public_names(module):
    """The module's public names. Submodules are left out: they are modules of their own (generated
    separately), and whether a package has one as an attribute depends on what was imported before."""
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_")]
    return sorted(set(n for n in names if isinstance(n, str) and hasattr(module, n)
                      and not isinstance(getattr(module, n, None), types.ModuleType)))


def selected_names(module, include, exclude):
    names = public_names(module)
    if include:
        names = [n for n in names if n in include]
    if exclude:
        names = [n for n in names if n not in exclude]
    return names


def generated_classes(module_name, module, names, stub_file):
    """The classes generated in this module, name -> class: those it defines, and those it re-exports publicly
    (listed in `__all__`, re-exported by its stubs, or defined in its own package). Exceptions are raised as
    `PythonError`, not wrapped. A class known under several names is generated once, under its own name when
    that is public; the other names become aliases."""
    explicit = set(getattr(module, "__all__", None) or ())
    stub_names = stub_file.names if stub_file is not None else {}
    package = module_name.split(".")[0]
    by_class = {}
    for name in names:
        value = getattr(module, name, None)
        if not isinstance(value, type) or issubclass(value, BaseException):
            continue
        defined_in = getattr(value, "__module__", None) or ""
        stub = stub_names.get(name)
        from_stub = stub is not None and stub.module_public and type(stub.node).__name__ == "TypeInfo"
        if module_name == "builtins":
            local = defined_in == "builtins"
        else:
            local = (defined_in == module_name or name in explicit or from_stub
                     or defined_in.split(".")[0] == package)
        if local:
            by_class.setdefault(id(value), (value, []))[1].append(name)
    classes, aliases = {}, {}
    for value, class_names in by_class.values():
        canonical = value.__name__ if value.__name__ in class_names else sorted(class_names)[0]
        classes[canonical] = value
        for other in class_names:
            if other != canonical:
                aliases[other] = canonical
    return classes, aliases


def first_line_doc(obj):
    try:
        doc = inspect.getdoc(obj)
    except Exception:
        return None
    return doc.strip() if isinstance(doc, str) else None


def member_sources(cls, module_classes):
    """The class and its ancestors up to the nearest base generated in the same module: their members are this
    wrapper's own (a base that is not generated contributes its members to each subclass)."""
    sources = []
    for ancestor in cls.__mro__:
        if ancestor is object or (ancestor is not cls and id(ancestor) in module_classes):
            break
        if ancestor is not cls and ancestor.__module__ == "builtins":
            continue
        sources.append(ancestor)
    return sources


class ModuleDescriber:
    """Describes one module given the classes it generates (`classes`: generated name -> class) and, when stubs
    are read, its mypy file and the run's typing sources."""

    def __init__(self, module_name, module, classes, stub_file, typing_sources):
        self.module_name = module_name
        self.module = module
        self.stub_file = stub_file
        self.typing_sources = typing_sources
        self.class_ids = {id(cls): name for name, cls in classes.items()}
        by_fullname = {}
        for name, cls in sorted(classes.items()):
            for fullname in self.full_names(cls, name):
                by_fullname.setdefault(fullname, name)
        self.mapper = mt.TypeMapper(by_fullname)
        self.runtime_mapper = RuntimeTypeMapper(by_fullname)

    def full_names(self, cls, name):
        """The names a class (generated as `name`) is known by: where it is defined at run time, and where the
        stubs define it."""
        names = [runtime_fullname(cls)]
        if self.stub_file is not None:
            stub = self.stub_file.names.get(name)
            fullname = getattr(stub.node, "fullname", None) if stub is not None else None
            if fullname and fullname not in names:
                names.append(fullname)
        return names

    # --- Functions -------------------------------------------------------------------------------------------

    def function(self, name, obj, stub_node, self_class=None, drop_first=False, stub_drop_first=None):
        runtime = (runtime_signature(obj, self.runtime_mapper, drop_first=drop_first, self_class=self_class)
                   if callable(obj) else None)
        signatures = None
        source = "runtime"
        if stub_node is not None:
            if stub_drop_first is None:
                stub_drop_first = drop_first
            signatures = mt.stub_signatures(self.mapper, stub_node, runtime, self_class, stub_drop_first,
                                            mt.sentinel_default_types(obj) if callable(obj) else {})
            if signatures:
                source = "stub"
        if not signatures:
            signatures = [runtime] if runtime is not None else [{
                "parameters": [
                    {"name": "args", "kind": "varPositional", "type": tl.dynamic("no signature"), "default": None},
                    {"name": "kwargs", "kind": "varKeyword", "type": tl.dynamic("no signature"), "default": None}],
                "returns": tl.dynamic("no signature")}]
        if callable(obj) and inspect.iscoroutinefunction(obj):
            # A coroutine function's annotations name what its coroutine returns.
            for signature in signatures:
                if signature["returns"].get("kind") != "awaitable":
                    signature["returns"] = tl.generic("awaitable", signature["returns"])
        return {"name": name, "doc": first_line_doc(obj), "overloads": signatures, "typeSource": source}

    # --- Classes ---------------------------------------------------------------------------------------------

    def cls(self, name, cls, stub_info, skipped):
        parameters = mt.class_type_parameters(stub_info) if stub_info is not None else []
        self.mapper.specializing = stub_info
        self.mapper.class_parameters = set(parameters)
        try:
            description = self.class_members(name, cls, stub_info, skipped)
        finally:
            self.mapper.specializing = None
            self.mapper.class_parameters = set()
        if parameters:
            description["typeParameters"] = parameters
        description["fullNames"] = sorted(self.full_names(cls, name))
        return description

    def constructor(self, name, cls, stub_info, own, bases):
        stub_names = stub_info.names if stub_info is not None else {}
        init_node = stub_names.get("__init__") or stub_names.get("__new__")
        if init_node is None and stub_info is not None and not bases:
            init_node = stub_info.get("__init__") or stub_info.get("__new__")
        if init_node is None and "__init__" not in own and "__new__" not in own and bases:
            return None
        runtime_init = None
        try:
            runtime_init = runtime_signature(cls, self.runtime_mapper)
        except Exception:
            pass
        signatures = None
        if init_node is not None:
            signatures = mt.stub_signatures(self.mapper, init_node.node, runtime_init, name, drop_first=True,
                                            self_types=True)
        if not signatures and runtime_init is not None:
            signatures = [runtime_init]
        if not signatures:
            return None
        for signature in signatures:
            # What the overload makes: the class with the type arguments its `self` annotation (`self:
            # Counter[str]`) or `__new__`'s result (`-> product[tuple[_T1]]`) states, else the class itself.
            made = [signature.pop("self", None), signature["returns"]]
            stated = [typ for typ in made if typ is not None and typ.get("kind") == "class"
                      and typ.get("name") == name and "module" not in typ and typ.get("args")]
            signature["returns"] = stated[0] if stated else tl.own_class(name)
        return signatures

    def class_members(self, name, cls, stub_info, skipped):
        generated = self.class_ids
        bases = [generated[id(b)] for b in cls.__bases__ if id(b) in generated and b is not cls]
        description = {"name": name, "doc": first_line_doc(cls), "bases": bases[:1], "methods": [],
                       "classMethods": [], "properties": [], "operators": [], "protocols": [], "constructor": None}
        if bases:
            base = next(b for b in cls.__bases__ if id(b) in generated and b is not cls)
            sources = [a for a in cls.__mro__ if a is not object and a not in base.__mro__]
        else:
            sources = member_sources(cls, generated)
        own = {}
        for source in reversed(sources):
            own.update(source.__dict__)
        description["constructor"] = self.constructor(name, cls, stub_info, own, bases)
        seen_properties = set()

        def add_property(member, prop_type, doc):
            if member in seen_properties:
                return
            seen_properties.add(member)
            description["properties"].append({"name": member, "type": prop_type, "doc": doc})

        for member in sorted(own):
            if member.startswith("_") and member not in OPERATOR_DUNDERS + PROTOCOL_DUNDERS:
                continue
            value = own[member]
            # Search the stub class's MRO: `datetime.ctime` is declared on `date` in the stubs.
            stub = stub_info.get(member) if stub_info is not None else None
            stub_node = stub.node if stub is not None else None
            if member in PROTOCOL_DUNDERS:
                if value is None:
                    continue
                description["protocols"].append(self.function(member, getattr(cls, member), stub_node, name, True))
                if member == "__iter__":
                    description["iteration"] = mt.iteration_element(self.mapper, stub_node, name, stub_info)
                continue
            if member in OPERATOR_DUNDERS:
                if value is None or not callable(value):
                    continue
                description["operators"].append(self.function(member, getattr(cls, member), stub_node, name, True))
                continue
            is_property = isinstance(value, (property, types.GetSetDescriptorType, types.MemberDescriptorType))
            if stub_node is not None and mt.is_stub_property(stub_node):
                is_property = True
            if is_property:
                prop_type = mt.stub_property_type(self.mapper, stub_node, name) if stub_node is not None else None
                if prop_type is None and isinstance(value, property) and value.fget is not None:
                    hints = type_hints(value.fget)
                    if "return" in hints:
                        prop_type = self.runtime_mapper.map(hints["return"], name)
                add_property(member, prop_type or tl.dynamic("no stub"), first_line_doc(value))
            elif isinstance(value, (classmethod, staticmethod, types.ClassMethodDescriptorType,
                                    types.BuiltinMethodType)):
                description["classMethods"].append(
                    self.function(member, getattr(cls, member), stub_node, name, drop_first=False,
                                  stub_drop_first=stub_node is not None and mt.stub_binds_first(stub_node)))
            elif callable(value) and not isinstance(value, type):
                description["methods"].append(self.function(member, value, stub_node, name, drop_first=True))
            elif not callable(value):
                stub_type = mt.stub_property_type(self.mapper, stub_node, name) if stub_node is not None else None
                if stub_type is not None:
                    add_property(member, stub_type, None)
                elif type(value) in RUNTIME_SCALARS:
                    add_property(member, tl.scalar(RUNTIME_SCALARS[type(value)]), None)
                else:
                    skipped.append({"name": "%s.%s" % (name, member), "reason": "class attribute without a stub type"})
        # Instance attributes: declared in the stub class body or annotated in the class (dataclass fields).
        if stub_info is not None:
            for member, symbol in sorted(stub_info.names.items()):
                # mypy's own entries (`x-redefinition` for a NamedTuple field) are not attributes.
                if member.startswith("_") or not member.isidentifier() or member in own \
                        or type(symbol.node).__name__ != "Var":
                    continue
                prop_type = mt.stub_property_type(self.mapper, symbol.node, name)
                if prop_type is not None:
                    add_property(member, prop_type, None)
        for source in sources:
            annotations = source.__dict__.get("__annotations__", {})
            if not isinstance(annotations, dict):
                continue
            hints = type_hints(source) if annotations else {}
            for member in sorted(annotations):
                if member.startswith("_") or (member in own and callable(own[member])):
                    continue
                hint = hints.get(member)
                if typing.get_origin(hint) is typing.ClassVar:
                    continue
                add_property(member, self.runtime_mapper.map(hint, name) if hint is not None
                             else tl.dynamic("no stub"), None)
        description["properties"].sort(key=lambda p: p["name"])
        return description

    # --- Constants -------------------------------------------------------------------------------------------

    def constant_type(self, value, stub_node):
        if type(stub_node).__name__ == "Var" and stub_node.type is not None:
            return self.mapper.map(stub_node.type, None)
        for python_type, kind in ((bool, "bool"), (int, "int"), (float, "float"), (complex, "complex"),
                                  (str, "str"), (bytes, "bytes")):
            if type(value) is python_type:
                return tl.scalar(kind)
        if isinstance(value, type) and id(value) in self.class_ids:
            return tl.dynamic("class object")
        return self.runtime_mapper.class_reference(runtime_fullname(type(value)))

    # --- The module ------------------------------------------------------------------------------------------

    def describe(self, names, type_source, classes, aliases, referenced):
        module, module_name = self.module, self.module_name
        stub_file = self.stub_file
        stub_names = stub_file.names if stub_file is not None else {}
        result = {"schemaVersion": tl.SCHEMA_VERSION, "module": module_name,
                  "pythonVersion": "%d.%d.%d" % sys.version_info[:3], "typeSource": type_source,
                  "doc": first_line_doc(module), "functions": [], "classes": [], "constants": [],
                  "classAliases": [{"name": n, "target": t} for n, t in sorted(aliases.items())],
                  "skipped": [], "drift": []}

        def add_class(name, value, info, is_referenced=False):
            try:
                description = self.cls(name, value, info, result["skipped"])
            except Exception as error:
                result["skipped"].append({"name": name, "reason": "cannot be described (%s: %s)" % (
                    type(error).__name__, error)})
                return
            if is_referenced:
                description["referenced"] = True
            result["classes"].append(description)

        for name, cls in sorted(referenced.items()):
            add_class(name, cls, self.typing_sources.stub_class(runtime_fullname(cls)) if stub_file else None, True)
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
                elif name in classes:
                    add_class(name, value, stub_node if type(stub_node).__name__ == "TypeInfo" else None)
                elif name not in aliases:
                    result["skipped"].append({"name": name, "reason": "class defined in %s" % value.__module__})
            elif callable(value):
                result["functions"].append(self.function(name, value, stub_node))
            else:
                result["constants"].append({"name": name, "type": self.constant_type(value, stub_node), "doc": None})
        if stub_file is not None:
            result["drift"].extend(self.stub_only_names())
        result["classes"].sort(key=lambda cls: cls["name"])
        return result

    def stub_only_names(self):
        from mypy import nodes
        runtime_names = set(public_names(self.module))
        drift = []
        for name in sorted(self.stub_file.names):
            symbol = self.stub_file.names[name]
            if name.startswith("_") or name in runtime_names or not symbol.module_public:
                continue
            if isinstance(symbol.node, (nodes.FuncDef, nodes.OverloadedFuncDef, nodes.Decorator, nodes.TypeInfo,
                                        nodes.Var)) \
                    and getattr(symbol.node, "fullname", "").startswith(self.module_name + "."):
                drift.append({"name": name, "detail": "in the stubs but not at run time (not generated)"})
        return drift


def referenced_classes(result, module_name, taken):
    """Public classes of the module's own package that its API refers to but does not export
    (`requests.Response.headers` is a `requests.structures.CaseInsensitiveDict`): generated too, so the references
    are typed. One level: what those classes refer to in turn stays dynamic."""
    package = module_name.split(".")[0]
    candidates = set()

    def walk(typ):
        module = typ.get("module")
        if typ["kind"] == "class" and module and module.split(".")[0] == package:
            candidates.add(module + "." + typ["name"])
        for arg in typ.get("args") or ():
            walk(arg)

    def walk_signatures(signatures):
        for signature in signatures:
            for parameter in signature["parameters"]:
                walk(parameter["type"])
            walk(signature["returns"])

    for function in result["functions"]:
        walk_signatures(function["overloads"])
    for cls in result["classes"]:
        for member in cls["methods"] + cls["classMethods"] + cls["operators"] + cls["protocols"]:
            walk_signatures(member["overloads"])
        for prop in cls["properties"]:
            walk(prop["type"])
    found = {}
    for fullname in sorted(candidates):
        defining, _, name = fullname.rpartition(".")
        if name.startswith("_") or name in taken or name in found or any(
                p.startswith("_") for p in defining.split(".")[1:]):
            continue
        try:
            value = getattr(importlib.import_module(defining), name)
        except BaseException:
            continue
        if isinstance(value, type) and not issubclass(value, BaseException) and id(value) not in {
                id(v) for v in found.values()}:
            found[name] = value
    return found
