"""One generator run: its typing sources and the modules it describes. All state lives in a `Run`; a module's
description depends only on that module, whatever else the run describes, and in whatever order."""
import importlib
import json
import traceback

from . import distributions
from .describe import ModuleDescriber, generated_classes, referenced_classes, selected_names
from .sources import TypingSources


class ModuleImportError(Exception):
    """Importing the user's module raised or exited: the module's problem, not pybindgen's."""


class IntrospectionBug(Exception):
    """Describing an imported module failed inside pybindgen: a bug to report, with the Python traceback."""


def import_module(module_name):
    try:
        return importlib.import_module(module_name)
    except SystemExit as error:
        raise ModuleImportError("importing %s called sys.exit(%r)" % (module_name, error.code)) from None
    except BaseException as error:
        raise ModuleImportError("%s: %s" % (type(error).__name__, error)) from None


class Run:
    """The state of one run. `prepare` reads the typing sources of all its modules at once (one mypy build);
    `describe` then describes one module as JSON."""

    def __init__(self, use_stubs, no_stubs_reason="stubs disabled"):
        self.sources = TypingSources(use_stubs, no_stubs_reason)

    def prepare(self, module_names, include=(), exclude=()):
        """Reads the types of every module of the run; returns where each module's types come from."""
        return self.sources.prepare(list(module_names))

    def describe(self, module_name, include=(), exclude=()):
        """The module's description as JSON.

        Raises `ModuleImportError` if the module cannot be imported, `IntrospectionBug` (with the traceback) if
        describing it fails."""
        module = import_module(module_name)
        try:
            return json.dumps(self.description(module_name, module, include, exclude), sort_keys=True, indent=1)
        except Exception:
            raise IntrospectionBug("describing %s failed inside pybindgen's introspection:\n%s" % (
                module_name, traceback.format_exc().rstrip())) from None

    def distributions(self, module_name):
        """Distribution name -> version of the installed distributions that provide the (imported) module."""
        return distributions.providers(module_name)

    def description(self, module_name, module, include=(), exclude=()):
        """The module's description as a dictionary."""
        names = selected_names(module, include, exclude)
        stub_file, type_source = self.sources.load(module_name)
        classes, aliases = generated_classes(module_name, module, names, stub_file)
        describer = ModuleDescriber(module_name, module, classes, stub_file, self.sources)
        result = describer.describe(names, type_source, classes, aliases, {})
        referenced = referenced_classes(result, module_name, set(names) | set(classes))
        if referenced:
            describer = ModuleDescriber(module_name, module, {**classes, **referenced}, stub_file, self.sources)
            result = describer.describe(names, type_source, classes, aliases, referenced)
        return result
