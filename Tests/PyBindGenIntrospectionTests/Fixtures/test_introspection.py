"""Pins the facts `pybindgen_introspect` reports for small fixture modules: the JSON Swift's `PythonType`
reads, with no rule about what Swift can express applied (those live in the Swift translator)."""
import json
import unittest

import pybindgen_introspect


def described(module_name, use_stubs=True, run=None, **_):
    run = run or pybindgen_introspect.Run(use_stubs)
    run.prepare([module_name])
    return json.loads(run.describe(module_name))


def function(description, name):
    return next(f for f in description["functions"] if f["name"] == name)


def parameter_type(description, function_name, index=0):
    return function(description, function_name)["overloads"][0]["parameters"][index]["type"]


def result_type(description, function_name):
    return function(description, function_name)["overloads"][0]["returns"]


INT, FLOAT, STR = {"kind": "int"}, {"kind": "float"}, {"kind": "str"}


class StubFacts(unittest.TestCase):
    """Types read from the stubs through mypy."""

    @classmethod
    def setUpClass(cls):
        cls.description = described("pbg_fixture_shapes")

    def test_type_source_is_the_stub(self):
        self.assertIn("annotations of pbg_fixture_shapes.pyi", self.description["typeSource"])
        self.assertEqual(self.description["schemaVersion"], 5)

    def test_literals_are_stated_with_their_values_and_alias(self):
        # An alias of literal aliases is one literal named by the outer alias; a literal beside other types
        # stays a member of the union; which Swift enumeration each becomes is the translator's decision.
        self.assertEqual(parameter_type(self.description, "with_mode"),
                         {"kind": "literal", "values": ["r", "rt", "w", "a"], "name": "_Mode"})
        self.assertEqual(parameter_type(self.description, "with_mode", 1),
                         {"kind": "union", "args": [{"kind": "literal", "values": [0, 1]}, STR]})
        self.assertEqual(result_type(self.description, "with_mode"),
                         {"kind": "literal", "values": ["ok", "failed"]})

    def test_unions_are_stated_whole(self):
        # `int | float` stays a union: collapsing it to `float` is a Swift rule.
        self.assertEqual(parameter_type(self.description, "numbers"), {"kind": "union", "args": [INT, FLOAT]})
        self.assertEqual(result_type(self.description, "numbers"), {"kind": "union", "args": [INT, FLOAT]})

    def test_none_makes_a_union_optional(self):
        self.assertEqual(parameter_type(self.description, "maybe"),
                         {"kind": "optional", "args": [{"kind": "union", "args": [INT, STR]}]})
        self.assertEqual(result_type(self.description, "maybe"), {"kind": "optional", "args": [STR]})
        default = function(self.description, "maybe")["overloads"][0]["parameters"][0]["default"]
        self.assertEqual(default, {"repr": "None", "representable": True})

    def test_callables_keep_every_parameter(self):
        # Five parameters: more than a Swift closure takes, which the translator decides.
        self.assertEqual(parameter_type(self.description, "five_arguments"),
                         {"kind": "callable", "args": [INT] * 5 + [STR]})

    def test_path_like_keeps_its_argument(self):
        self.assertEqual(parameter_type(self.description, "open_path"),
                         {"kind": "class", "name": "PathLike", "module": "os", "args": [STR]})

    def test_iterators_are_stated_in_every_position(self):
        self.assertEqual(parameter_type(self.description, "iterate"), {"kind": "iterator", "args": [INT]})
        self.assertEqual(result_type(self.description, "iterate"), {"kind": "iterator", "args": [STR]})

    def test_a_constrained_type_variable_is_stated_with_its_values(self):
        # One signature: expanding it into an overload per value is a Swift rule.
        pick = function(self.description, "pick")
        self.assertEqual(len(pick["overloads"]), 1)
        variable = {"kind": "typevar", "name": "_N", "values": [INT, STR]}
        self.assertEqual(parameter_type(self.description, "pick"), variable)
        self.assertEqual(result_type(self.description, "pick"), variable)

    def test_classes_of_other_modules_by_where_they_are_defined(self):
        self.assertEqual(result_type(self.description, "today"),
                         {"kind": "class", "name": "date", "module": "datetime"})

    def test_own_classes_by_generated_name_with_their_full_names(self):
        self.assertEqual(result_type(self.description, "make_widget"), {"kind": "class", "name": "Widget"})
        widget = next(c for c in self.description["classes"] if c["name"] == "Widget")
        self.assertEqual(widget["fullNames"], ["pbg_fixture_shapes.Widget"])
        self.assertNotIn("referenced", widget)
        grow = next(m for m in widget["methods"] if m["name"] == "grow")
        self.assertEqual(grow["overloads"][0]["returns"], {"kind": "class", "name": "Widget"})
        self.assertEqual([p["type"] for p in widget["properties"] if p["name"] == "size"], [INT])


    def test_a_generic_class_states_its_type_parameters_and_their_uses(self):
        stack = next(c for c in self.description["classes"] if c["name"] == "Stack")
        # Only the unbounded variable without a default is a parameter; the others read as bound and default.
        self.assertEqual(stack["typeParameters"], ["_T"])
        item = {"kind": "classParameter", "name": "_T"}
        methods = {m["name"]: m["overloads"][0] for m in stack["methods"]}
        self.assertEqual(methods["pop"]["returns"], item)
        self.assertEqual(methods["limit"]["returns"], INT)
        self.assertEqual(methods["label"]["returns"], STR)
        self.assertEqual(methods["zip_with"]["returns"],
                         {"kind": "list", "args": [{"kind": "tuple", "args": [item, {"kind": "typevar", "name": "_S"}]}]})
        self.assertEqual(methods["copy"]["returns"], {"kind": "class", "name": "Stack", "args": [item, INT, STR]})
        self.assertEqual(stack["constructor"][0]["parameters"][0]["type"], {"kind": "sequence", "args": [item]})
        # What each overload makes: the class itself, or the arguments its `self` annotation states.
        self.assertEqual(stack["constructor"][0]["returns"], {"kind": "class", "name": "Stack"})
        self.assertEqual(stack["constructor"][1]["returns"], {"kind": "class", "name": "Stack", "args": [STR, INT, STR]})
        self.assertEqual([p["name"] for p in stack["constructor"][1]["parameters"]], ["text"])
        self.assertEqual(result_type(self.description, "make_stack"),
                         {"kind": "class", "name": "Stack", "args": [STR, INT, STR]})
        widget = next(c for c in self.description["classes"] if c["name"] == "Widget")
        self.assertNotIn("typeParameters", widget)


class RuntimeFacts(unittest.TestCase):
    """Types read from runtime annotations (no stubs)."""

    @classmethod
    def setUpClass(cls):
        cls.description = described("pbg_fixture_shapes", use_stubs=False)

    def test_type_source(self):
        self.assertEqual(self.description["typeSource"], "runtime annotations only: stubs disabled")

    def test_the_same_facts_as_the_stubs_where_annotated(self):
        self.assertEqual(parameter_type(self.description, "numbers"), {"kind": "union", "args": [INT, FLOAT]})
        self.assertEqual(parameter_type(self.description, "open_path"),
                         {"kind": "class", "name": "PathLike", "module": "os", "args": [STR]})
        self.assertEqual(result_type(self.description, "today"),
                         {"kind": "class", "name": "date", "module": "datetime"})

    def test_a_constrained_type_variable_is_stated_with_its_values(self):
        self.assertEqual(parameter_type(self.description, "pick"),
                         {"kind": "typevar", "name": "_N", "values": [INT, STR]})

    def test_unannotated_is_dynamic(self):
        self.assertEqual(parameter_type(self.description, "iterate"), {"kind": "object", "reason": "no stub"})


class Determinism(unittest.TestCase):
    """A module's description depends only on the module, whatever else the run describes."""

    def test_a_module_alone_and_after_another(self):
        for use_stubs in (True, False):
            alone = described("pbg_fixture_pkg.more", use_stubs)
            run = pybindgen_introspect.Run(use_stubs)
            run.prepare(["pbg_fixture_pkg.api", "pbg_fixture_pkg.more", "pbg_fixture_shapes"])
            run.describe("pbg_fixture_pkg.api")
            run.describe("pbg_fixture_shapes")
            after = json.loads(run.describe("pbg_fixture_pkg.more"))
            self.assertEqual(alone, after, "use_stubs=%s" % use_stubs)

    def test_a_class_of_the_package_no_module_exports_is_generated_where_it_is_referred_to(self):
        for module in ("pbg_fixture_pkg.api", "pbg_fixture_pkg.more"):
            description = described(module)
            hidden = [c for c in description["classes"] if c["name"] == "Hidden"]
            self.assertEqual(len(hidden), 1, module)
            self.assertTrue(hidden[0]["referenced"])
            self.assertEqual(hidden[0]["fullNames"], ["pbg_fixture_pkg.core.Hidden"])


class Errors(unittest.TestCase):
    def test_an_import_failure_is_the_modules_problem(self):
        run = pybindgen_introspect.Run(False)
        with self.assertRaises(pybindgen_introspect.ModuleImportError) as caught:
            run.describe("pbg_fixture_no_such_module")
        self.assertIn("No module named", str(caught.exception))

    def test_a_failure_while_describing_is_reported_as_a_bug_with_its_traceback(self):
        class BrokenRun(pybindgen_introspect.Run):
            def description(self, *args, **kwargs):
                return {"functions": [1 / 0]}

        with self.assertRaises(pybindgen_introspect.IntrospectionBug) as caught:
            BrokenRun(False).describe("pbg_fixture_shapes")
        message = str(caught.exception)
        self.assertIn("describing pbg_fixture_shapes failed inside pybindgen's introspection", message)
        self.assertIn("Traceback", message)
        self.assertIn("ZeroDivisionError", message)

    def test_long_default_reprs_are_cut_and_the_environment_never_copied(self):
        import inspect
        import os

        def f(env=os.environ, text="x" * 1000):
            pass

        parameters = list(inspect.signature(f).parameters.values())
        from pybindgen_introspect.runtime_types import default_description
        self.assertEqual(default_description(parameters[0]), {"repr": "os.environ", "representable": False})
        self.assertLessEqual(len(default_description(parameters[1])["repr"]), 240)




class StubHints(unittest.TestCase):
    """Which stub package to add, when a package ships no types (mypy's table of typeshed's distributions)."""

    def test_a_package_typeshed_has_stubs_for_names_them(self):
        from pybindgen_introspect import sources
        self.assertEqual(sources.stub_hint("six"),
                         "; add the stub package types-six for typed bindings (pip install types-six)")
        self.assertEqual(sources.stub_hint("yaml"),
                         "; add the stub package types-PyYAML for typed bindings (pip install types-PyYAML)")

    def test_no_hint_without_a_known_stub_package(self):
        from pybindgen_introspect import sources
        self.assertEqual(sources.stub_hint("pbg_fixture_shapes"), "")


class Distributions(unittest.TestCase):
    """Which installed distributions provide a module (recorded in the bindings, checked at run time)."""

    def test_an_installed_package_names_its_distribution_and_version(self):
        import importlib.metadata
        import mypy  # the typing environment's, installed by pip
        found = pybindgen_introspect.Run(True).distributions("mypy.stubinfo")
        self.assertEqual(found, {"mypy": importlib.metadata.version("mypy")})

    def test_the_standard_library_and_the_users_own_modules_have_none(self):
        import json
        import pbg_fixture_shapes
        run = pybindgen_introspect.Run(False)
        self.assertEqual(run.distributions("json"), {})
        self.assertEqual(run.distributions("math"), {})
        self.assertEqual(run.distributions("pbg_fixture_shapes"), {})


if __name__ == "__main__":
    unittest.main()
