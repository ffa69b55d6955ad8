"""The Python half of pybindgen: describe a module as JSON.

Names, kinds, parameter kinds and real default values come from the running interpreter (the one embedded in
the Swift process that will run the bindings). Types come, per module, from the first source that has them, in
PEP 561 order over the interpreter's own search path (read through mypy's build API): stub-only packages
(`*-stubs`), typeshed, packages with `py.typed` (inline annotations and `.pyi`), and the user's own `.py` files
in search paths. A module mypy cannot read is typed from its runtime annotations (`typing.get_type_hints`)
alone. Stubs never add names that do not exist at run time (instance attributes a stub class declares are the
one exception: they exist on instances only).
"""
import builtins
import collections.abc
import importlib
import inspect
import json
import os
import re
import site
import sys
import sysconfig
import types
import typing

SCHEMA_VERSION = 2

# --- The type language -----------------------------------------------------------------------------------

INT_NAMES = {"builtins.int", "typing.SupportsIndex", "typing.SupportsInt", "typing_extensions.SupportsIndex"}
FLOAT_NAMES = {"builtins.float", "typing.SupportsFloat"}
BYTES_NAMES = {"builtins.bytes", "builtins.bytearray", "builtins.memoryview", "typing_extensions.Buffer",
               "collections.abc.Buffer"}
LIST_NAMES = {"builtins.list", "typing.Sequence", "typing.MutableSequence", "typing.Iterable",
              "typing.Collection", "collections.abc.Sequence", "collections.abc.Iterable",
              "_typeshed.SupportsLenAndGetItem", "numpy._typing._nested_sequence._NestedSequence"}
DICT_NAMES = {"builtins.dict", "typing.Mapping", "typing.MutableMapping", "collections.abc.Mapping",
              "_typeshed.SupportsItems", "_typeshed.SupportsKeysAndGetItem"}


def open_dynamic(reason):
    """A type the source itself leaves open — `Any`, `object`, a protocol (structural, no Swift nominal type), a
    generic class's own type variable (the wrapper is not generic: the bare class means `Any` there), the values
    of a TypedDict: `PythonObject` is the faithful Swift answer there, not a loss."""
    return {"kind": "object", "reason": reason, "open": True}
SET_NAMES = {"builtins.set", "builtins.frozenset", "typing.AbstractSet", "typing.MutableSet"}


def dynamic(reason):
    return {"kind": "object", "reason": reason}


def union(items, position="return"):
    """`A | B | None` in the type language: optional of one type, a union of a few, or dynamic. `int | float` is
    `float`; with `complex` too, a result is `complex` while a parameter keeps one overload per number type (so
    `count(start: 10)` sends an int)."""
    has_none = any(item["kind"] == "none" for item in items)
    items = [item for item in items if item["kind"] != "none"]
    kinds = {item["kind"] for item in items}
    if kinds <= {"int", "float"} and "float" in kinds:
        items = [{"kind": "float"}]
    if kinds <= {"int", "float", "complex"} and "complex" in kinds and position != "parameter":
        items = [{"kind": "complex"}]
    unique = []
    for item in items:
        if item not in unique:
            unique.append(item)
    if not unique:
        return {"kind": "none"}
    if any(item["kind"] == "object" and item.get("open") for item in unique):
        # `X | Any` is `Any`; `float | SupportsArray` accepts whatever satisfies the protocol.
        inner = open_dynamic("union with an open member")
    elif any(item["kind"] == "object" for item in unique) and (
        position != "parameter" or all(item["kind"] == "object" for item in unique)
    ):
        # A result is dynamic; a parameter keeps its members Swift can type (one overload each, plus one taking
        # any convertible value for the rest).
        inner = dynamic("union with a dynamic member")
    elif len(unique) == 1:
        inner = unique[0]
    else:
        inner = {"kind": "union", "args": unique}
    return {"kind": "optional", "args": [inner]} if has_none else inner


# --- The classes of a run --------------------------------------------------------------------------------

# Every class generated in this run: its full name (where it is defined) -> where it is generated.
RUN_CLASSES = {}


def class_reference(fullname, current_module):
    entry = RUN_CLASSES.get(fullname)
    if entry is None:
        return None
    reference = {"kind": "class", "name": entry["name"]}
    if entry["module"] != current_module:
        reference["module"] = entry["module"]
    return reference


def runtime_fullname(cls):
    return "%s.%s" % (getattr(cls, "__module__", "?"), getattr(cls, "__qualname__", cls.__name__))


class TypeMapper:
    """Maps mypy types to pybindgen's small type language."""

    def __init__(self, module_name):
        self.module_name = module_name
        self.function_variables = set()

    def callback(self, typ, self_class, position, depth):
        """A callable a caller passes in: a Swift closure when it takes a few positional arguments."""
        from mypy import nodes
        if (position != "parameter" or typ.is_ellipsis_args or typ.variables or len(typ.arg_kinds) > 4
                or any(kind != nodes.ARG_POS for kind in typ.arg_kinds)):
            return dynamic("callable")
        return callback_description([self.map(arg, self_class, "callback", depth) for arg in typ.arg_types],
                                    self.map(typ.ret_type, self_class, "callback", depth))

    def map(self, typ, self_class=None, position="parameter", depth=0):
        from mypy import types as t
        if depth > 8:
            return dynamic("recursive type")
        depth += 1
        typ = t.get_proper_type(typ)
        if isinstance(typ, t.NoneType):
            return {"kind": "none"}
        if isinstance(typ, t.AnyType):
            return open_dynamic("Any")
        if isinstance(typ, t.TypeVarType):
            if self_class is not None and typ.name == "Self":
                return {"kind": "class", "name": self_class}
            if typ.values:
                return union([self.map(value, self_class, position, depth) for value in typ.values], position)
            bound = t.get_proper_type(typ.upper_bound)
            if isinstance(bound, t.Instance) and bound.type.fullname != "builtins.object":
                return self.map(bound, self_class, position, depth)
            if typ.id in self.function_variables:
                return {"kind": "typevar", "name": typ.name}
            return open_dynamic("type variable %s of a generic class" % typ.name)
        if isinstance(typ, t.LiteralType):
            return self.map(typ.fallback, self_class, position, depth)
        if isinstance(typ, t.TupleType):
            fallback = typ.partial_fallback.type.fullname
            if fallback != "builtins.tuple":
                return class_reference(fallback, self.module_name) or dynamic("named tuple " + fallback)
            return {"kind": "tuple", "args": [self.map(item, self_class, position, depth) for item in typ.items]}
        if isinstance(typ, t.UnionType):
            return union([self.map(item, self_class, position, depth) for item in typ.items], position)
        if isinstance(typ, t.Instance):
            name = typ.type.fullname
            args = typ.args
            if name in INT_NAMES:
                return {"kind": "int"}
            if name in FLOAT_NAMES:
                return {"kind": "float"}
            if name in ("builtins.complex", "typing.SupportsComplex"):
                return {"kind": "complex"}
            if name == "builtins.str":
                return {"kind": "str"}
            if name == "builtins.bool":
                return {"kind": "bool"}
            if name in BYTES_NAMES:
                return {"kind": "bytes"}
            if name == "builtins.object":
                return open_dynamic("object")
            if name == "builtins.tuple" and args:
                return {"kind": "list", "args": [self.map(args[0], self_class, position, depth)]}
            if name in LIST_NAMES and args:
                return {"kind": "list", "args": [self.map(args[0], self_class, position, depth)]}
            if name == "_typeshed.SupportsGetItem" and len(args) == 2 and self.map(args[0])["kind"] == "int":
                return {"kind": "list", "args": [self.map(args[1], self_class, position, depth)]}
            if name in DICT_NAMES and len(args) == 2:
                return {"kind": "dict", "args": [self.map(a, self_class, position, depth) for a in args]}
            if name in SET_NAMES and args:
                return {"kind": "set", "args": [self.map(args[0], self_class, position, depth)]}
            if name == "os.PathLike" and args:
                # A path: `PathLike[str]` is given as a `str` from Swift (`PathLike[bytes]` as bytes).
                inner = self.map(args[0], self_class, position, depth)
                return inner if inner["kind"] in ("str", "bytes") else dynamic("os.PathLike")
            if name in SYNC_ITERATOR_NAMES and args and position == "return":
                return {"kind": "iterator", "args": [self.map(args[0], self_class, position, depth)]}
            if name in COROUTINE_NAMES and len(args) == 3 and position in ("return", "callback"):
                # `async def f() -> T` reaches mypy as `Coroutine[Any, Any, T]`.
                return {"kind": "awaitable", "args": [self.map(args[2], self_class, position, depth)]}
            if name in AWAITABLE_NAMES and args and position in ("return", "callback"):
                return {"kind": "awaitable", "args": [self.map(args[0], self_class, position, depth)]}
            if name in ASYNC_ITERATOR_NAMES and args and position == "return":
                return {"kind": "asyncIterator", "args": [self.map(args[0], self_class, position, depth)]}
            reference = class_reference(name, self.module_name)
            if reference is not None:
                return reference
            if typ.type.is_protocol and name not in ITERATOR_NAMES:
                return open_dynamic("protocol " + name)
            return dynamic(name)
        if isinstance(typ, t.TypedDictType):
            return {"kind": "dict", "args": [{"kind": "str"}, open_dynamic("TypedDict value")]}
        if isinstance(typ, t.CallableType):
            return self.callback(typ, self_class, position, depth)
        if isinstance(typ, t.TypeType):
            return dynamic("type")
        return dynamic(type(typ).__name__)


def callback_description(parameters, returns):
    """`Callable[[A, B], R]` in the type language: the parameter types, then the result type, in `args`."""
    return {"kind": "callable", "args": list(parameters) + [returns]}


RUNTIME_LISTS = {list, tuple, collections.abc.Sequence, collections.abc.MutableSequence, collections.abc.Iterable,
                 collections.abc.Collection}
RUNTIME_DICTS = {dict, collections.abc.Mapping, collections.abc.MutableMapping}
RUNTIME_SETS = {set, frozenset, collections.abc.Set, collections.abc.MutableSet}
RUNTIME_SCALARS = {int: "int", float: "float", complex: "complex", str: "str", bool: "bool", bytes: "bytes",
                   bytearray: "bytes"}


class RuntimeTypeMapper:
    """Maps runtime annotations (`typing.get_type_hints`) to the type language, for modules mypy cannot read."""

    def __init__(self, module_name, class_variables=()):
        self.module_name = module_name
        self.class_variables = set(class_variables)

    def map(self, annotation, self_class=None, depth=0):
        if depth > 8:
            return dynamic("recursive type")
        depth += 1
        if annotation is None or annotation is type(None):
            return {"kind": "none"}
        if annotation is typing.Any or annotation is object:
            return open_dynamic("Any")
        if isinstance(annotation, (str, typing.ForwardRef)):
            return dynamic("unresolved annotation")
        if isinstance(annotation, typing.TypeVar):
            if annotation.__constraints__:
                return union([self.map(value, self_class, depth) for value in annotation.__constraints__])
            if annotation.__bound__ is not None:
                return self.map(annotation.__bound__, self_class, depth)
            if annotation in self.class_variables:
                return open_dynamic("type variable %s of a generic class" % annotation.__name__)
            return {"kind": "typevar", "name": annotation.__name__}
        if getattr(typing, "Self", None) is not None and annotation is getattr(typing, "Self"):
            return {"kind": "class", "name": self_class} if self_class else dynamic("Self")
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is collections.abc.Callable:
            if len(args) == 2 and isinstance(args[0], list) and len(args[0]) <= 4:
                return callback_description([self.map(arg, self_class, depth) for arg in args[0]],
                                            self.map(args[1], self_class, depth))
            return dynamic("callable")
        if origin is typing.Union or origin is types.UnionType:
            return union([self.map(item, self_class, depth) for item in args])
        if origin is typing.Literal:
            kinds = {type(value) for value in args}
            return self.map(kinds.pop(), self_class, depth) if len(kinds) == 1 else dynamic("literal")
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"kind": "list", "args": [self.map(args[0], self_class, depth)]}
            if args and args != ((),):
                return {"kind": "tuple", "args": [self.map(item, self_class, depth) for item in args]}
            return dynamic("tuple")
        if origin in (collections.abc.Iterator, collections.abc.Generator) and args:
            return {"kind": "iterator", "args": [self.map(args[0], self_class, depth)]}
        if origin is collections.abc.Coroutine and len(args) == 3:
            return {"kind": "awaitable", "args": [self.map(args[2], self_class, depth)]}
        if origin is collections.abc.Awaitable and args:
            return {"kind": "awaitable", "args": [self.map(args[0], self_class, depth)]}
        if origin in (collections.abc.AsyncIterator, collections.abc.AsyncGenerator, collections.abc.AsyncIterable) \
                and args:
            return {"kind": "asyncIterator", "args": [self.map(args[0], self_class, depth)]}
        if origin in RUNTIME_LISTS and len(args) == 1:
            return {"kind": "list", "args": [self.map(args[0], self_class, depth)]}
        if origin in RUNTIME_DICTS and len(args) == 2:
            return {"kind": "dict", "args": [self.map(item, self_class, depth) for item in args]}
        if origin in RUNTIME_SETS and len(args) == 1:
            return {"kind": "set", "args": [self.map(args[0], self_class, depth)]}
        if isinstance(annotation, type):
            if annotation in RUNTIME_SCALARS:
                return {"kind": RUNTIME_SCALARS[annotation]}
            return class_reference(runtime_fullname(annotation), self.module_name) or dynamic(
                runtime_fullname(annotation))
        return dynamic(repr(annotation))


# --- Typing sources --------------------------------------------------------------------------------------

_STUB_FILES = {}
_ALL_FILES = {}
_TYPE_SOURCES = {}
_MYPY_PROBLEM = None


def site_directories():
    """The interpreter's site-packages folders (system, user, and an activated virtual environment's)."""
    folders = set()
    try:
        folders.update(site.getsitepackages())
    except Exception:
        pass
    try:
        folders.add(site.getusersitepackages())
    except Exception:
        pass
    for entry in sys.path:
        if os.path.basename(entry.rstrip(os.sep)) in ("site-packages", "dist-packages"):
            folders.add(entry)
    return {os.path.abspath(folder) for folder in folders}


def source_directories():
    """Folders of `sys.path` that hold the user's own code (search paths, PYTHONPATH): everything but the
    standard library and site-packages. mypy reads these as sources, `py.typed` or not."""
    stdlib = {os.path.abspath(sysconfig.get_path(key)) for key in ("stdlib", "platstdlib")}
    sites = site_directories()
    folders = []
    for entry in sys.path:
        if not entry or entry.endswith(".zip") or not os.path.isdir(entry):
            continue
        folder = os.path.abspath(entry)
        if folder in stdlib or any(folder == s or folder.startswith(s + os.sep) for s in sites):
            continue
        if any(folder.startswith(s + os.sep) for s in stdlib):
            continue
        if folder not in folders:
            folders.append(folder)
    return folders


def describe_source(path, typeshed):
    """Where a module's types came from, for the summary."""
    path = os.path.abspath(path)
    if path.startswith(typeshed + os.sep):
        return "typeshed stubs"
    parts = path.split(os.sep)
    for part in parts:
        if part.endswith("-stubs"):
            return "stub package %s" % part
    in_site = any(path.startswith(s + os.sep) for s in site_directories())
    if in_site:
        return "the package's own .pyi stubs" if path.endswith(".pyi") else "the package's inline annotations"
    return "annotations of %s" % os.path.basename(path)


class InterpreterSearchPath:
    """While mypy runs, it reads the running interpreter's `sys.path` as its PEP 561 package path (with
    `python_executable = sys.executable`), but drops the first entry: the script folder of an ordinary Python
    run. An embedded interpreter has no script folder (its first entry is a search path or VIRTUAL_ENV's
    site-packages), so a placeholder stands first for the duration."""

    PLACEHOLDER = os.path.join(os.sep, "pybindgen-no-script-folder")

    def __enter__(self):
        sys.path.insert(0, self.PLACEHOLDER)

    def __exit__(self, *exc):
        if sys.path and sys.path[0] == self.PLACEHOLDER:
            del sys.path[0]


def build_stubs(module_names):
    """One mypy build over the given modules; returns mypy's result, raising its CompileError."""
    from mypy import build
    from mypy.modulefinder import BuildSource
    from mypy.options import Options
    options = Options()
    options.python_version = sys.version_info[:2]
    options.incremental = False
    options.follow_imports = "silent"
    options.ignore_missing_imports = True
    # The embedded interpreter's own search path: its site-packages (and VIRTUAL_ENV's) as PEP 561 package
    # folders, read in-process; the user's folders as sources.
    options.python_executable = sys.executable
    options.mypy_path = source_directories()
    sources = [BuildSource(None, name) for name in module_names]
    devnull = open(os.devnull, "w")
    try:
        with InterpreterSearchPath():
            return build.build(sources, options, stdout=devnull, stderr=devnull)
    finally:
        devnull.close()


def findable(module_names):
    """The modules mypy can find (stubs, typeshed, py.typed packages or source folders)."""
    from mypy import build
    from mypy.fscache import FileSystemCache
    from mypy.modulefinder import FindModuleCache, compute_search_paths
    from mypy.options import Options
    options = Options()
    options.python_version = sys.version_info[:2]
    options.python_executable = sys.executable
    options.mypy_path = source_directories()
    with InterpreterSearchPath():
        paths = compute_search_paths([], options, build.default_data_dir())
    finder = FindModuleCache(paths, FileSystemCache(), options)
    found, missing = [], {}
    for name in module_names:
        result = finder.find_module(name)
        if isinstance(result, str):
            found.append(name)
        else:
            missing[name] = getattr(result, "name", str(result)).lower().replace("_", " ")
    return found, missing


def prepare_stubs(module_names):
    """Reads the types of all modules of this run with mypy. A module mypy cannot find or analyse is typed from
    runtime annotations; the others keep their stubs. Returns a summary line."""
    global _MYPY_PROBLEM
    try:
        import mypy
        from mypy.errors import CompileError
        from mypy.version import __version__ as mypy_version
    except Exception as error:  # mypy missing or broken
        _MYPY_PROBLEM = "mypy is not available (%s)" % (error,)
        return "runtime annotations only: " + _MYPY_PROBLEM
    typeshed = os.path.abspath(os.path.join(os.path.dirname(mypy.__file__), "typeshed"))
    try:
        found, missing = findable(module_names)
    except Exception as error:
        found, missing = list(module_names), {}
    for name, reason in missing.items():
        _TYPE_SOURCES[name] = "runtime annotations only: mypy finds no stubs or typed package (%s)" % reason
    failed = {}

    def record(result, names):
        _ALL_FILES.update(result.files)
        for name in names:
            node = result.files.get(name)
            if node is None:
                failed[name] = "mypy did not analyse it"
                continue
            _STUB_FILES[name] = node
            _TYPE_SOURCES[name] = "%s through mypy %s" % (describe_source(node.path, typeshed), mypy_version)

    if found:
        try:
            record(build_stubs(found), found)
        except (CompileError, Exception):
            for name in found:  # failures stay local: each module alone
                try:
                    record(build_stubs([name]), [name])
                except CompileError as error:
                    failed[name] = "; ".join(error.messages[:2]) or "mypy failed"
                except Exception as error:
                    failed[name] = "mypy failed (%s: %s)" % (type(error).__name__, error)
    for name, reason in failed.items():
        _TYPE_SOURCES[name] = "runtime annotations only: %s" % reason
    return ", ".join("%s: %s" % (name, _TYPE_SOURCES.get(name, "?")) for name in module_names)


def load_stubs(module_name):
    """Returns (mypy file node or None, type source description)."""
    if _MYPY_PROBLEM is not None:
        return None, "runtime annotations only: " + _MYPY_PROBLEM
    if module_name not in _TYPE_SOURCES:
        prepare_stubs([module_name])
    return _STUB_FILES.get(module_name), _TYPE_SOURCES.get(module_name, "runtime annotations only")


# --- Runtime ---------------------------------------------------------------------------------------------

def import_module(module_name):
    try:
        return importlib.import_module(module_name)
    except SystemExit as error:
        raise RuntimeError("importing %s called sys.exit(%r)" % (module_name, error.code))


def public_names(module):
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in dir(module) if not n.startswith("_")]
    return sorted(set(n for n in names if isinstance(n, str) and hasattr(module, n)))


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


# Why stubs are not read in this run (`--no-stubs`, or mypy could not be provisioned).
_NO_STUBS_REASON = "stubs disabled"


def plan(module_names, include, exclude, use_stubs, no_stubs_reason):
    """Reads the stubs of the run and registers every class it generates, so that references between the
    modules of one run are typed. A module that cannot be imported is left for `describe` to report."""
    global _NO_STUBS_REASON
    _NO_STUBS_REASON = no_stubs_reason
    summary = prepare_stubs(module_names) if use_stubs else "runtime annotations only: " + no_stubs_reason
    for module_name in module_names:
        try:
            module = import_module(module_name)
        except BaseException:
            continue
        stub_file = _STUB_FILES.get(module_name) if use_stubs else None
        classes, _ = generated_classes(module_name, module, selected_names(module, include, exclude), stub_file)
        for name, cls in sorted(classes.items()):
            RUN_CLASSES.setdefault(runtime_fullname(cls), {"module": module_name, "name": name})
            if stub_file is not None:
                stub = stub_file.names.get(name)
                if stub is not None and getattr(stub.node, "fullname", None):
                    RUN_CLASSES.setdefault(stub.node.fullname, {"module": module_name, "name": name})
    return summary


def default_description(parameter):
    if parameter.default is inspect.Parameter.empty:
        return None
    value = parameter.default
    # Object addresses (`<function f at 0x7f…>`) differ on every run: left out, so descriptions are reproducible.
    text = re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))
    representable = value is None or type(value) in (int, float, str, bool, bytes)
    return {"repr": text, "representable": representable}


KIND_NAMES = {
    inspect.Parameter.POSITIONAL_ONLY: "positional",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positionalOrKeyword",
    inspect.Parameter.KEYWORD_ONLY: "keyword",
    inspect.Parameter.VAR_POSITIONAL: "varPositional",
    inspect.Parameter.VAR_KEYWORD: "varKeyword",
}


def type_hints(obj):
    try:
        return typing.get_type_hints(obj)
    except Exception:
        return {}


def runtime_signature(function, runtime_mapper, drop_first=False, self_class=None):
    """The signature `inspect` reports, typed from the runtime annotations where there are any."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    hints = type_hints(function) if runtime_mapper is not None else {}
    if not hints and isinstance(function, type):
        hints = type_hints(getattr(function, "__init__", None))
        hints.pop("return", None)
    parameters = list(signature.parameters.values())
    if drop_first and parameters:
        parameters = parameters[1:]

    def typed(name):
        if name in hints:
            return runtime_mapper.map(hints[name], self_class)
        return dynamic("no stub")

    return {
        "parameters": [
            {"name": p.name, "kind": KIND_NAMES[p.kind], "type": typed(p.name), "default": default_description(p)}
            for p in parameters
        ],
        "returns": typed("return"),
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
    try:
        parameters = inspect.signature(function).parameters.values()
    except (TypeError, ValueError):
        return {}
    return {p.name: runtime_fullname(type(p.default)) for p in parameters
            if p.default is not inspect.Parameter.empty and type(p.default).__module__ != "builtins"}


def without_sentinel(arg_type, sentinel):
    """`bool | _NoValueType` -> `bool` when the parameter's default is the `_NoValue` sentinel: an omitted optional
    parameter is never sent, so the sentinel's type has nothing to add in Swift."""
    from mypy import types as t
    proper = t.get_proper_type(arg_type)
    if sentinel is None or not isinstance(proper, t.UnionType):
        return arg_type

    def is_sentinel(item):
        item = t.get_proper_type(item)
        return isinstance(item, t.Instance) and item.type.fullname == sentinel

    items = [item for item in proper.items if not is_sentinel(item)]
    return t.UnionType.make_union(items) if items and len(items) < len(proper.items) else arg_type


def stub_signatures(mapper, node, runtime, self_class=None, drop_first=False, sentinels=None):
    """Signatures of a stub function (one per overload), with runtime defaults merged in."""
    from mypy import nodes, types as t
    sentinels = sentinels or {}
    items = callable_items(node)
    if not items:
        return None
    items = [(item, specialize(item_type, item if item is not None else node)) for item, item_type in items]
    runtime_defaults = {}
    runtime_names = [p["name"] for p in runtime["parameters"]] if runtime is not None else []
    if runtime is not None:
        for parameter in runtime["parameters"]:
            runtime_defaults[parameter["name"]] = parameter["default"]
    signatures = []
    expanded_items = []
    for item, item_type in items:
        if not isinstance(item_type, t.CallableType):
            return None
        expanded_items.extend((item, callable_type) for callable_type in expand_type_variables(item_type))
    for item, callable_type in expanded_items:
        if isinstance(t.get_proper_type(callable_type.ret_type), t.UninhabitedType):
            continue  # an overload returning NoReturn marks a combination that always raises
        mapper.function_variables = {v.id for v in callable_type.variables}
        names = list(callable_type.arg_names)
        kinds = list(callable_type.arg_kinds)
        types_ = list(callable_type.arg_types)
        arguments = (list(item.arguments) if item is not None and len(item.arguments) == len(names)
                     else [None] * len(names))
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
                arg_type = without_sentinel(arg_type, sentinels.get(name))
            parameters.append({"name": display, "kind": kind_name,
                               "type": mapper.map(arg_type, self_class, "parameter"), "default": default})
        signatures.append({"parameters": parameters,
                           "returns": mapper.map(callable_type.ret_type, self_class, "return")})
        mapper.function_variables = set()
    return signatures


# --- Description -----------------------------------------------------------------------------------------

def first_line_doc(obj):
    try:
        doc = inspect.getdoc(obj)
    except Exception:
        return None
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


def describe_function(context, name, obj, stub_node, self_class=None, drop_first=False, stub_drop_first=None):
    runtime = (runtime_signature(obj, context.runtime_mapper, drop_first=drop_first, self_class=self_class)
               if callable(obj) else None)
    signatures = None
    source = "runtime"
    if stub_node is not None:
        if stub_drop_first is None:
            stub_drop_first = drop_first
        signatures = stub_signatures(context.mapper, stub_node, runtime, self_class, stub_drop_first,
                                     sentinel_default_types(obj) if callable(obj) else {})
        if signatures:
            source = "stub"
    if not signatures:
        signatures = [runtime] if runtime is not None else [{
            "parameters": [
                {"name": "args", "kind": "varPositional", "type": dynamic("no signature"), "default": None},
                {"name": "kwargs", "kind": "varKeyword", "type": dynamic("no signature"), "default": None}],
            "returns": dynamic("no signature")}]
    if callable(obj) and inspect.iscoroutinefunction(obj):
        # A coroutine function's annotations name what its coroutine returns.
        for signature in signatures:
            if signature["returns"].get("kind") != "awaitable":
                signature["returns"] = {"kind": "awaitable", "args": [signature["returns"]]}
    return {"name": name, "doc": first_line_doc(obj), "overloads": signatures, "typeSource": source}


ITERATOR_NAMES = {"typing.Iterator", "typing.Generator", "typing.AsyncIterator"}
# Results awaited from Swift (`async` functions).
COROUTINE_NAMES = {"typing.Coroutine", "collections.abc.Coroutine"}
AWAITABLE_NAMES = {"typing.Awaitable", "collections.abc.Awaitable"}
# Results iterated with `for try await` (`PythonAsyncSequence<T>`).
ASYNC_ITERATOR_NAMES = {"typing.AsyncIterator", "typing.AsyncGenerator", "typing.AsyncIterable",
                        "collections.abc.AsyncIterator", "collections.abc.AsyncGenerator",
                        "collections.abc.AsyncIterable"}
# Results read lazily from Swift (`TypedPythonIterator<T>`).
SYNC_ITERATOR_NAMES = {"typing.Iterator", "typing.Generator", "collections.abc.Iterator",
                       "collections.abc.Generator"}


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
    returns = t.get_proper_type(stub_node.type.ret_type)
    if isinstance(returns, t.Instance) and returns.type.fullname in ITERATOR_NAMES and returns.args:
        return mapper.map(returns.args[0], class_name, "return")
    returns_self = isinstance(returns, t.TypeVarType) or (
        isinstance(returns, t.Instance) and stub_info is not None and returns.type is stub_info)
    if returns_self and stub_info is not None:
        next_symbol = stub_info.get("__next__")
        next_node = next_symbol.node if next_symbol is not None else None
        if isinstance(next_node, nodes.Decorator):
            next_node = next_node.func
        if isinstance(next_node, nodes.FuncDef) and isinstance(next_node.type, t.CallableType):
            return mapper.map(specialize(next_node.type, next_node).ret_type, class_name, "return")
    return None


def is_stub_property(stub_node):
    return type(stub_node).__name__ == "Decorator" and stub_node.func.is_property


def stub_property_type(context, stub_node, class_name):
    kind = type(stub_node).__name__
    if kind == "Decorator" and stub_node.func.type is not None:
        specialized = specialize(stub_node.func.type, stub_node.func)
        return context.mapper.map(getattr(specialized, "ret_type", stub_node.func.type.ret_type), class_name, "return")
    if kind == "Var" and stub_node.type is not None:
        return context.mapper.map(specialize(stub_node.type, stub_node), class_name, "return")
    return None


# The stub class whose members are being described (members found on its generic bases are specialized to it).
_SPECIALIZING = [None]


def specialize(typ, node):
    """A member's type as the class being described sees it: `netloc: AnyStr` on `_ParseResultBase[AnyStr]`,
    read through `ParseResult(_ParseResultBase[str])`, is `str`."""
    stub_info = _SPECIALIZING[0]
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


def describe_class(context, name, cls, stub_info, skipped):
    _SPECIALIZING[0] = stub_info
    try:
        return describe_class_members(context, name, cls, stub_info, skipped)
    finally:
        _SPECIALIZING[0] = None


def describe_class_members(context, name, cls, stub_info, skipped):
    generated = context.class_ids
    bases = [context.class_ids[id(b)] for b in cls.__bases__ if id(b) in generated and b is not cls]
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
    stub_names = stub_info.names if stub_info is not None else {}
    init_node = stub_names.get("__init__") or stub_names.get("__new__")
    if init_node is None and stub_info is not None and not bases:
        init_node = stub_info.get("__init__") or stub_info.get("__new__")
    if init_node is not None or "__init__" in own or "__new__" in own or not bases:
        runtime_init = None
        try:
            runtime_init = runtime_signature(cls, context.runtime_mapper)
        except Exception:
            pass
        signatures = None
        if init_node is not None:
            signatures = stub_signatures(context.mapper, init_node.node, runtime_init, name, drop_first=True)
        if not signatures and runtime_init is not None:
            signatures = [runtime_init]
        if signatures:
            for signature in signatures:
                signature["returns"] = {"kind": "class", "name": name}
            description["constructor"] = signatures
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
            description["protocols"].append(describe_function(context, member, getattr(cls, member), stub_node,
                                                              name, True))
            if member == "__iter__":
                description["iteration"] = iteration_element(context.mapper, stub_node, name, stub_info)
            continue
        if member in OPERATOR_DUNDERS:
            if value is None or not callable(value):
                continue
            description["operators"].append(describe_function(context, member, getattr(cls, member), stub_node,
                                                              name, True))
            continue
        is_property = isinstance(value, (property, types.GetSetDescriptorType, types.MemberDescriptorType))
        if stub_node is not None and is_stub_property(stub_node):
            is_property = True
        if is_property:
            prop_type = stub_property_type(context, stub_node, name) if stub_node is not None else None
            if prop_type is None and isinstance(value, property) and value.fget is not None:
                hints = type_hints(value.fget)
                if "return" in hints:
                    prop_type = context.runtime_mapper.map(hints["return"], name)
            add_property(member, prop_type or dynamic("no stub"), first_line_doc(value))
        elif isinstance(value, (classmethod, staticmethod, types.ClassMethodDescriptorType, types.BuiltinMethodType)):
            description["classMethods"].append(
                describe_function(context, member, getattr(cls, member), stub_node, name, drop_first=False,
                                  stub_drop_first=stub_node is not None and stub_binds_first(stub_node)))
        elif callable(value) and not isinstance(value, type):
            description["methods"].append(
                describe_function(context, member, value, stub_node, name, drop_first=True))
        elif not callable(value):
            stub_type = stub_property_type(context, stub_node, name) if stub_node is not None else None
            if stub_type is not None:
                add_property(member, stub_type, None)
            elif type(value) in RUNTIME_SCALARS:
                add_property(member, {"kind": RUNTIME_SCALARS[type(value)]}, None)
            else:
                skipped.append({"name": "%s.%s" % (name, member), "reason": "class attribute without a stub type"})
    # Instance attributes: declared in the stub class body or annotated in the class (dataclass fields).
    if stub_info is not None:
        for member, symbol in sorted(stub_info.names.items()):
            if member.startswith("_") or member in own or type(symbol.node).__name__ != "Var":
                continue
            prop_type = stub_property_type(context, symbol.node, name)
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
            add_property(member, context.runtime_mapper.map(hint, name) if hint is not None else dynamic("no stub"),
                         None)
    description["properties"].sort(key=lambda p: p["name"])
    return description


def constant_type(context, value, stub_node):
    if type(stub_node).__name__ == "Var" and stub_node.type is not None:
        return context.mapper.map(stub_node.type, None, "return")
    for python_type, kind in ((bool, "bool"), (int, "int"), (float, "float"), (complex, "complex"), (str, "str"),
                              (bytes, "bytes")):
        if type(value) is python_type:
            return {"kind": kind}
    if isinstance(value, type) and id(value) in context.class_ids:
        return dynamic("class object")
    return class_reference(runtime_fullname(type(value)), context.module_name) or dynamic(type(value).__qualname__)


class Context:
    def __init__(self, module_name, classes):
        self.module_name = module_name
        self.mapper = TypeMapper(module_name)
        self.runtime_mapper = RuntimeTypeMapper(module_name)
        self.class_ids = {id(cls): name for name, cls in classes.items()}


def stub_class(fullname):
    """The stub TypeInfo of a class, by its full name, from any module mypy analysed in this run."""
    module_name, _, name = fullname.rpartition(".")
    node = _ALL_FILES.get(module_name)
    symbol = node.names.get(name) if node is not None else None
    return symbol.node if symbol is not None and type(symbol.node).__name__ == "TypeInfo" else None


def referenced_classes(result, module_name, taken):
    """Public classes of the module's own package that its API refers to but does not export
    (`requests.Response.headers` is a `requests.structures.CaseInsensitiveDict`): generated too, so the references
    are typed. One level: what those classes refer to in turn stays dynamic."""
    package = module_name.split(".")[0]
    candidates = set()

    def walk(typ):
        if typ["kind"] == "object" and (typ.get("reason") or "").startswith(package + "."):
            candidates.add(typ["reason"])
        for arg in typ.get("args") or ():
            walk(arg)

    for function in result["functions"]:
        for signature in function["overloads"]:
            for parameter in signature["parameters"]:
                walk(parameter["type"])
            walk(signature["returns"])
    for cls in result["classes"]:
        for member in cls["methods"] + cls["classMethods"] + cls["operators"] + cls["protocols"]:
            for signature in member["overloads"]:
                for parameter in signature["parameters"]:
                    walk(parameter["type"])
                walk(signature["returns"])
        for prop in cls["properties"]:
            walk(prop["type"])
    found = {}
    for fullname in sorted(candidates):
        defining, _, name = fullname.rpartition(".")
        if name.startswith("_") or name in taken or name in found or any(p.startswith("_") for p in defining.split(".")[1:]):
            continue
        try:
            value = getattr(importlib.import_module(defining), name)
        except BaseException:
            continue
        if isinstance(value, type) and not issubclass(value, BaseException) and id(value) not in {
                id(v) for v in found.values()}:
            found[name] = value
    return found


def describe(module_name, include, exclude, use_stubs):
    module = import_module(module_name)
    names = selected_names(module, include, exclude)
    stub_file, type_source = (None, "runtime annotations only: " + _NO_STUBS_REASON)
    if use_stubs:
        stub_file, type_source = load_stubs(module_name)
    classes, aliases = generated_classes(module_name, module, names, stub_file)
    result = describe_names(module_name, module, names, stub_file, type_source, classes, aliases, {})
    referenced = referenced_classes(result, module_name, set(names) | set(classes))
    if referenced:
        result = describe_names(module_name, module, names, stub_file, type_source, classes, aliases, referenced)
    return json.dumps(result, sort_keys=True, indent=1)


def describe_names(module_name, module, names, stub_file, type_source, classes, aliases, referenced):
    stub_names = stub_file.names if stub_file is not None else {}
    for name, cls in list(classes.items()) + list(referenced.items()):
        RUN_CLASSES.setdefault(runtime_fullname(cls), {"module": module_name, "name": name})
    context = Context(module_name, {**classes, **referenced})
    result = {"schemaVersion": SCHEMA_VERSION, "module": module_name,
              "pythonVersion": "%d.%d.%d" % sys.version_info[:3], "typeSource": type_source,
              "doc": first_line_doc(module), "functions": [], "classes": [], "constants": [],
              "classAliases": [{"name": n, "target": t} for n, t in sorted(aliases.items())],
              "skipped": [], "drift": []}
    for name, cls in sorted(referenced.items()):
        info = stub_class(runtime_fullname(cls)) if stub_file is not None else None
        try:
            result["classes"].append(describe_class(context, name, cls, info, result["skipped"]))
        except Exception as error:
            result["skipped"].append({"name": name, "reason": "cannot be described (%s: %s)" % (
                type(error).__name__, error)})
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
                info = stub_node if type(stub_node).__name__ == "TypeInfo" else None
                try:
                    result["classes"].append(describe_class(context, name, value, info, result["skipped"]))
                except Exception as error:
                    result["skipped"].append({"name": name, "reason": "cannot be described (%s: %s)" % (
                        type(error).__name__, error)})
            elif name not in aliases:
                result["skipped"].append({"name": name, "reason": "class defined in %s" % value.__module__})
        elif callable(value):
            result["functions"].append(describe_function(context, name, value, stub_node))
        else:
            result["constants"].append({"name": name, "type": constant_type(context, value, stub_node),
                                        "doc": None})
    if stub_file is not None:
        from mypy import nodes
        runtime_names = set(public_names(module))
        for name in sorted(stub_file.names):
            if not name.startswith("_") and name not in runtime_names and stub_file.names[name].module_public:
                node = stub_file.names[name].node
                if isinstance(node, (nodes.FuncDef, nodes.OverloadedFuncDef, nodes.Decorator, nodes.TypeInfo, nodes.Var)) \
                        and getattr(node, "fullname", "").startswith(module_name + "."):
                    result["drift"].append({"name": name, "detail": "in the stubs but not at run time (not generated)"})
    result["classes"].sort(key=lambda cls: cls["name"])
    return result
