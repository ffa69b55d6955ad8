"""The type language of module descriptions (`{"kind": ..., "args": [...], ...}`), as Swift's `PythonType` reads
it. Only facts: how Swift expresses a type is decided by the Swift translator."""

SCHEMA_VERSION = 5


def scalar(kind):
    """`int`, `float`, `complex`, `str`, `bool`, `bytes` or `none`."""
    return {"kind": kind}


def dynamic(reason):
    """A type the description cannot state (no stub, an unsupported construct): `reason` says why."""
    return {"kind": "object", "reason": reason}


def open_dynamic(reason):
    """A type the source itself leaves open — `Any`, `object`, a protocol (structural, no nominal type), a
    type variable of a generic class Swift cannot make a generic parameter, the values of a TypedDict."""
    return {"kind": "object", "reason": reason, "open": True}


def generic(kind, *args):
    """`list`, `sequence` (an iterable or sequence protocol, which a `str` satisfies when its items are text),
    `set`, `dict`, `tuple`, `iterator`, `asyncIterator` or `awaitable` of its arguments."""
    return {"kind": kind, "args": list(args)}


def callable_type(parameters, returns):
    """`Callable[[A, B], R]`: the parameter types, then the result type, in `args`."""
    return {"kind": "callable", "args": list(parameters) + [returns]}


def type_variable(name, values=()):
    """A type variable of the function; `values` are a value-constrained variable's allowed types."""
    variable = {"kind": "typevar", "name": name}
    if values:
        variable["values"] = list(values)
    return variable


def class_parameter(name):
    """A type variable of the class whose members are described (`_T` of `class C(Generic[_T])`): a type the
    instance fixes, not each call."""
    return {"kind": "classParameter", "name": name}


def own_class(name, args=()):
    """A class this module generates, by its generated name, with its type arguments (`Counter[str]`)."""
    reference = {"kind": "class", "name": name}
    if args:
        reference["args"] = list(args)
    return reference


def foreign_class(fullname, args=()):
    """A class this module does not generate, by where it is defined (`module`) and its qualified name, with its
    type arguments (`os.PathLike[str]`)."""
    module, _, name = fullname.rpartition(".")
    reference = {"kind": "class", "name": name, "module": module}
    if args:
        reference["args"] = list(args)
    return reference


def literal(values, name=None):
    """`Literal["r", "w"]` or `Literal[0, 1]`: the allowed values (all `str` or all `int`), and the alias that
    names them in the source (`OpenTextMode`), if any."""
    description = {"kind": "literal", "values": list(values)}
    if name:
        description["name"] = name
    return description


def literal_value(value):
    """Whether `value` can be a value of `literal`: a `str` or an `int` (not a `bool`)."""
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def typed_dict(fullname, fields):
    """A `TypedDict` class: where it is defined, its name, and its keys in order, each with its type and whether
    it is required (`NotRequired`, `total=False`)."""
    module, _, name = fullname.rpartition(".")
    return {"kind": "typedDict", "name": name, "module": module,
            "fields": [{"name": key, "type": typ, "required": required} for key, typ, required in fields]}


def union(items):
    """`A | B | None` as stated: `None` makes the union optional, repeated members are dropped, a single member
    is itself. Which members Swift keeps is the translator's decision."""
    has_none = any(item["kind"] == "none" for item in items)
    unique = []
    for item in items:
        if item["kind"] != "none" and item not in unique:
            unique.append(item)
    if not unique:
        return scalar("none")
    inner = unique[0] if len(unique) == 1 else {"kind": "union", "args": unique}
    return {"kind": "optional", "args": [inner]} if has_none else inner
