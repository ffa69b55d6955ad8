"""The Python half of pybindgen: describe a module as JSON — facts only.

Names, kinds, parameter kinds and real default values come from the running interpreter (the one embedded in
the Swift process that will run the bindings). Types come, per module, from the first source that has them, in
PEP 561 order over the interpreter's own search path (read through mypy's build API): stub-only packages
(`*-stubs`), typeshed, packages with `py.typed` (inline annotations and `.pyi`), and the user's own `.py` files
in search paths. A module mypy cannot read is typed from its runtime annotations (`typing.get_type_hints`)
alone. Stubs never add names that do not exist at run time (instance attributes a stub class declares are the
one exception: they exist on instances only).

The description states what Python says (unions with all their members, callables with all their parameters,
classes by their full names); every rule about what Swift can express is applied by the Swift translator.

Modules:
- `typelang`: the type language the description is written in;
- `mypy_types`: mypy's types (stubs, annotations read by mypy) in the type language, and stub signatures;
- `runtime_types`: runtime annotations and `inspect` signatures in the type language;
- `sources`: where each module's types come from (one mypy build per run);
- `describe`: a module's functions, classes and constants;
- `run`: `Run`, the state of one generator run (no module globals), and the errors it reports.
"""
from .run import IntrospectionBug, ModuleImportError, Run

__all__ = ["Run", "ModuleImportError", "IntrospectionBug"]
