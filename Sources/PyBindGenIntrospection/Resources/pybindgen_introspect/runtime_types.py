"""Runtime annotations (`typing.get_type_hints`) and `inspect` signatures in the type language, for modules
mypy cannot read and for the names, kinds and defaults of every signature."""
import collections.abc
import inspect
import os
import re
import types
import typing

from . import typelang as tl

RUNTIME_LISTS = {list, tuple, collections.abc.Sequence, collections.abc.MutableSequence, collections.abc.Iterable,
                 collections.abc.Collection}
RUNTIME_DICTS = {dict, collections.abc.Mapping, collections.abc.MutableMapping}
RUNTIME_SETS = {set, frozenset, collections.abc.Set, collections.abc.MutableSet}
RUNTIME_SCALARS = {int: "int", float: "float", complex: "complex", str: "str", bool: "bool", bytes: "bytes",
                   bytearray: "bytes"}
KIND_NAMES = {
    inspect.Parameter.POSITIONAL_ONLY: "positional",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positionalOrKeyword",
    inspect.Parameter.KEYWORD_ONLY: "keyword",
    inspect.Parameter.VAR_POSITIONAL: "varPositional",
    inspect.Parameter.VAR_KEYWORD: "varKeyword",
}
# Longer default reprs are cut: a default such as `os.environ` would otherwise copy the generating machine's
# environment into the generated documentation.
MAX_DEFAULT_REPR = 240


def runtime_fullname(cls):
    return "%s.%s" % (getattr(cls, "__module__", "?"), getattr(cls, "__qualname__", cls.__name__))


class RuntimeTypeMapper:
    """Maps runtime annotations to the type language, for one module (`classes`: full name -> generated name)."""

    def __init__(self, classes, class_variables=()):
        self.classes = classes
        self.class_variables = set(class_variables)

    def map(self, annotation, self_class=None, depth=0):
        if depth > 8:
            return tl.dynamic("recursive type")
        depth += 1
        if annotation is None or annotation is type(None):
            return tl.scalar("none")
        if annotation is typing.Any or annotation is object:
            return tl.open_dynamic("Any")
        if isinstance(annotation, (str, typing.ForwardRef)):
            return tl.dynamic("unresolved annotation")
        if isinstance(annotation, typing.TypeVar):
            if annotation.__constraints__:
                values = [self.map(value, self_class, depth) for value in annotation.__constraints__]
                if annotation in self.class_variables:
                    return tl.union(values)
                return tl.type_variable(annotation.__name__, values)
            if annotation.__bound__ is not None:
                return self.map(annotation.__bound__, self_class, depth)
            if annotation in self.class_variables:
                return tl.open_dynamic("type variable %s of a generic class" % annotation.__name__)
            return tl.type_variable(annotation.__name__)
        if getattr(typing, "Self", None) is not None and annotation is getattr(typing, "Self"):
            return tl.own_class(self_class) if self_class else tl.dynamic("Self")
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is collections.abc.Callable:
            if len(args) == 2 and isinstance(args[0], list):
                return tl.callable_type([self.map(arg, self_class, depth) for arg in args[0]],
                                        self.map(args[1], self_class, depth))
            return tl.dynamic("callable with unstated parameters")
        if origin is typing.Union or origin is types.UnionType:
            return tl.union([self.map(item, self_class, depth) for item in args])
        if origin is typing.Literal:
            kinds = {type(value) for value in args}
            if len(kinds) == 1 and all(tl.literal_value(value) for value in args):
                return tl.literal(list(dict.fromkeys(args)))
            return self.map(kinds.pop(), self_class, depth) if len(kinds) == 1 else tl.dynamic("literal")
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return tl.generic("list", self.map(args[0], self_class, depth))
            if args and args != ((),):
                return tl.generic("tuple", *[self.map(item, self_class, depth) for item in args])
            return tl.dynamic("tuple")
        if origin in (collections.abc.Iterator, collections.abc.Generator) and args:
            return tl.generic("iterator", self.map(args[0], self_class, depth))
        if origin is collections.abc.Coroutine and len(args) == 3:
            return tl.generic("awaitable", self.map(args[2], self_class, depth))
        if origin is collections.abc.Awaitable and args:
            return tl.generic("awaitable", self.map(args[0], self_class, depth))
        if origin in (collections.abc.AsyncIterator, collections.abc.AsyncGenerator, collections.abc.AsyncIterable) \
                and args:
            return tl.generic("asyncIterator", self.map(args[0], self_class, depth))
        if origin in RUNTIME_LISTS and len(args) == 1:
            kind = "list" if origin in (list, tuple, collections.abc.MutableSequence) else "sequence"
            return tl.generic(kind, self.map(args[0], self_class, depth))
        if origin in RUNTIME_DICTS and len(args) == 2:
            return tl.generic("dict", *[self.map(item, self_class, depth) for item in args])
        if origin in RUNTIME_SETS and len(args) == 1:
            return tl.generic("set", self.map(args[0], self_class, depth))
        if isinstance(annotation, type) and typing.is_typeddict(annotation):
            try:
                hints = typing.get_type_hints(annotation)
            except Exception:
                hints = getattr(annotation, "__annotations__", {})
            required = getattr(annotation, "__required_keys__", frozenset(hints))
            return tl.typed_dict(annotation.__module__ + "." + annotation.__qualname__,
                                 [(key, self.map(value, self_class, depth), key in required)
                                  for key, value in hints.items()])
        if isinstance(annotation, type):
            if annotation in RUNTIME_SCALARS:
                return tl.scalar(RUNTIME_SCALARS[annotation])
            return self.class_reference(runtime_fullname(annotation))
        if isinstance(origin, type):
            return self.class_reference(runtime_fullname(origin), [self.map(arg, self_class, depth) for arg in args])
        return tl.dynamic(repr(annotation))

    def class_reference(self, fullname, args=()):
        if fullname == "os.PathLike":
            return tl.foreign_class(fullname, args)
        name = self.classes.get(fullname)
        return tl.own_class(name) if name is not None else tl.foreign_class(fullname, args)


def default_description(parameter):
    if parameter.default is inspect.Parameter.empty:
        return None
    value = parameter.default
    if value is os.environ:
        # The generating machine's environment is not part of any API.
        return {"repr": "os.environ", "representable": False}
    # Object addresses (`<function f at 0x7f…>`) differ on every run: left out, so descriptions are reproducible.
    text = re.sub(r" at 0x[0-9a-fA-F]+", "", repr(value))
    if len(text) > MAX_DEFAULT_REPR:
        text = text[:MAX_DEFAULT_REPR - 1] + "…"
    representable = value is None or type(value) in (int, float, str, bool, bytes)
    return {"repr": text, "representable": representable}


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
        return tl.dynamic("no stub")

    return {
        "parameters": [
            {"name": p.name, "kind": KIND_NAMES[p.kind], "type": typed(p.name), "default": default_description(p)}
            for p in parameters
        ],
        "returns": typed("return"),
    }
