"""Which installed distributions provide a module, and in which versions: recorded in the generated bindings, so
that the runtime can refuse other versions at first use."""
import importlib.metadata
import os
import sys


def providers(module_name):
    """Distribution name -> version of the distributions that installed the (imported) module's top-level package.

    A distribution counts only if the module's file lies inside the folder it was installed into, so the user's
    own module of the same name, or a standard-library module, has none."""
    top = module_name.split(".")[0]
    module = sys.modules.get(top)
    location = getattr(module, "__file__", None)
    if module is None or not location:
        return {}
    location = os.path.realpath(location)
    found = {}
    for name in importlib.metadata.packages_distributions().get(top, []):
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        root = os.path.realpath(str(distribution.locate_file("")))
        if location.startswith(root + os.sep):
            found[distribution.metadata["Name"]] = distribution.version
    return found
