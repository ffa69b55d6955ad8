"""Where each module's types come from: one mypy build over the modules of a run (a module mypy cannot find or
analyse falls back, alone, to its runtime annotations)."""
import os
import site
import sys
import sysconfig


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
    for part in path.split(os.sep):
        if part.endswith("-stubs"):
            return "stub package %s" % part
    if any(path.startswith(s + os.sep) for s in site_directories()):
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


def mypy_options():
    from mypy.options import Options
    options = Options()
    options.python_version = sys.version_info[:2]
    # The embedded interpreter's own search path: its site-packages (and VIRTUAL_ENV's) as PEP 561 package
    # folders, read in-process; the user's folders as sources.
    options.python_executable = sys.executable
    options.mypy_path = source_directories()
    return options


def build_stubs(module_names):
    """One mypy build over the given modules; returns mypy's result, raising its CompileError."""
    from mypy import build
    from mypy.modulefinder import BuildSource
    options = mypy_options()
    options.incremental = False
    options.follow_imports = "silent"
    options.ignore_missing_imports = True
    sources = [BuildSource(None, name) for name in module_names]
    with open(os.devnull, "w") as devnull, InterpreterSearchPath():
        return build.build(sources, options, stdout=devnull, stderr=devnull)


def findable(module_names):
    """The modules mypy can find (stubs, typeshed, py.typed packages or source folders), and why the others
    are not."""
    from mypy import build
    from mypy.fscache import FileSystemCache
    from mypy.modulefinder import FindModuleCache, compute_search_paths
    options = mypy_options()
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


def stub_hint(module_name):
    """The stub distribution on the package index that types `module_name` (typeshed's `types-*`, as mypy's own
    table knows them), as advice for the summary, or "" when none is known."""
    try:
        from mypy.stubinfo import stub_distribution_name
        distribution = stub_distribution_name(module_name)
    except Exception:
        return ""
    if not distribution:
        return ""
    return "; add the stub package %s for typed bindings (pip install %s)" % (distribution, distribution)


class TypingSources:
    """The typing sources of one run: mypy's analysed files and where each module's types come from."""

    def __init__(self, use_stubs, no_stubs_reason):
        self.use_stubs = use_stubs
        self.no_stubs_reason = no_stubs_reason
        self.stub_files = {}
        self.all_files = {}
        self.type_sources = {}
        self.mypy_problem = None

    def prepare(self, module_names):
        """Reads the types of all the given modules with one mypy build. Returns a summary line."""
        if not self.use_stubs:
            return "runtime annotations only: " + self.no_stubs_reason
        try:
            import mypy
            from mypy.errors import CompileError
            from mypy.version import __version__ as mypy_version
        except Exception as error:  # mypy missing or broken
            self.mypy_problem = "mypy is not available (%s)" % (error,)
            return "runtime annotations only: " + self.mypy_problem
        typeshed = os.path.abspath(os.path.join(os.path.dirname(mypy.__file__), "typeshed"))
        try:
            found, missing = findable(module_names)
        except Exception:
            found, missing = list(module_names), {}
        for name, reason in missing.items():
            self.type_sources[name] = "runtime annotations only: mypy finds no stubs or typed package (%s)%s" % (
                reason, stub_hint(name))
        failed = {}

        def record(result, names):
            self.all_files.update(result.files)
            for name in names:
                node = result.files.get(name)
                if node is None:
                    failed[name] = "mypy did not analyse it"
                    continue
                self.stub_files[name] = node
                self.type_sources[name] = "%s through mypy %s" % (describe_source(node.path, typeshed), mypy_version)

        if found:
            try:
                record(build_stubs(found), found)
            except Exception:
                for name in found:  # failures stay local: each module alone
                    try:
                        record(build_stubs([name]), [name])
                    except CompileError as error:
                        failed[name] = "; ".join(error.messages[:2]) or "mypy failed"
                    except Exception as error:
                        failed[name] = "mypy failed (%s: %s)" % (type(error).__name__, error)
        for name, reason in failed.items():
            self.type_sources[name] = "runtime annotations only: %s" % reason
        return ", ".join("%s: %s" % (name, self.type_sources.get(name, "?")) for name in module_names)

    def load(self, module_name):
        """Returns (mypy file node or None, type source description)."""
        if not self.use_stubs:
            return None, "runtime annotations only: " + self.no_stubs_reason
        if self.mypy_problem is not None:
            return None, "runtime annotations only: " + self.mypy_problem
        if module_name not in self.type_sources:
            self.prepare([module_name])
        return self.stub_files.get(module_name), self.type_sources.get(module_name, "runtime annotations only")

    def stub_class(self, fullname):
        """The stub TypeInfo of a class, by its full name, from any module mypy analysed in this run."""
        module_name, _, name = fullname.rpartition(".")
        node = self.all_files.get(module_name)
        symbol = node.names.get(name) if node is not None else None
        return symbol.node if symbol is not None and type(symbol.node).__name__ == "TypeInfo" else None
