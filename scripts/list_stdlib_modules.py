"""Prints the importable public standard-library modules, one per line: `sys.stdlib_module_names` less private
modules, GUI, test and platform-only ones, and modules whose import fails or has visible side effects."""
import contextlib
import importlib
import io
import sys
import warnings

# GUI, test suites, other platforms, and modules that act when imported (open a browser, print a poem).
LEFT_OUT = {
    "antigravity", "this", "idlelib", "tkinter", "turtle", "turtledemo", "test", "msilib", "msvcrt", "nt",
    "winreg", "winsound", "_winapi", "ensurepip", "lib2to3", "pydoc_data", "__phello__", "__hello__",
}


def importable(name):
    if name.startswith("_") or name in LEFT_OUT:
        return False
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            warnings.simplefilter("ignore")
            importlib.import_module(name)
        return True
    except BaseException:
        return False


for module in sorted(sys.stdlib_module_names):
    if importable(module):
        print(module)
