import Foundation
import PyBindGenCore
import PythonRuntime
import Testing

@testable import PyBindGenIntrospection

/// The introspection package on its own: its Python tests on small fixture modules (the JSON facts it reports,
/// run in the embedded interpreter with the typing environment), how its errors reach Swift, and that a module's
/// description does not depend on the rest of the run.
@Suite("Introspection package")
struct IntrospectionPackageTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path

    /// Runs `Fixtures/test_introspection.py` (unittest) inside the embedded interpreter.
    @Test func pythonFixtureTestsPass() throws {
        _ = try Introspector(useStubs: true, log: { _ in })
        let namespace = try Python.run(
            """
            import io, sys, unittest

            def run_fixture_tests(folder):
                sys.path.insert(0, folder)
                try:
                    suite = unittest.defaultTestLoader.loadTestsFromName("test_introspection")
                    stream = io.StringIO()
                    result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
                    return [result.testsRun, len(result.failures) + len(result.errors), stream.getvalue()]
                finally:
                    sys.path.remove(folder)
            """)
        let outcome = try namespace["run_fixture_tests"].call(Self.fixtures)
        let testsRun: Int = try outcome[0].converted()
        let problems: Int = try outcome[1].converted()
        let report: String = try outcome[2].converted()
        #expect(testsRun >= 16, "\(report)")
        #expect(problems == 0, "\(report)")
    }

    @Test func aBugInsideIntrospectionIsReportedAsOneWithItsTraceback() throws {
        _ = try Introspector(useStubs: false, log: { _ in })
        let namespace = try Python.run(
            """
            import pybindgen_introspect

            class BrokenRun(pybindgen_introspect.Run):
                def description(self, *args, **kwargs):
                    raise KeyError("simulated bug")
            """)
        let introspector = Introspector(run: try namespace["BrokenRun"].call(false), usesStubs: false)
        do {
            _ = try introspector.describe(module: "json", include: [], exclude: [])
            Issue.record("describing with a broken introspection succeeded")
        } catch let error as GeneratorError {
            #expect(error.code == .introspectionFailed)
            #expect(error.description.contains("pybindgen could not describe 'json' (a pybindgen bug)"), "\(error)")
            #expect(error.description.contains("Traceback"), "\(error)")
            #expect(error.description.contains("KeyError: 'simulated bug'"), "\(error)")
            #expect(!error.description.contains("cannot import"), "\(error)")
        }
    }

    @Test func anImportFailureIsTheModulesProblem() throws {
        let introspector = try Introspector(useStubs: false, log: { _ in })
        do {
            _ = try introspector.describe(module: "pbg_no_such_module_anywhere", include: [], exclude: [])
            Issue.record("describing a missing module succeeded")
        } catch let error as GeneratorError {
            #expect(error.code == .importFailed)
            #expect(error.description.contains("cannot import Python module 'pbg_no_such_module_anywhere'"))
            #expect(error.description.contains("ModuleNotFoundError"), "\(error)")
        }
    }

    /// `email.mime.text` refers to classes of its package that `email.message` also refers to: once, describing
    /// `email.message` first changed what `email.mime.text` generated.
    @Test func aModuleGeneratesTheSameAloneAndAfterAnother() throws {
        let folder = try CommandLineTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func generate(_ modules: [String], into name: String) throws -> (swift: String, json: String) {
            let output = folder.appendingPathComponent(name).path
            let result = try CommandLineTests.run(
                modules + ["--output", output, "--dump-description", output + "-json", "--regenerate-command", "cmd"])
            #expect(result.status == 0, "\(result.error)")
            return (
                try String(contentsOfFile: output + "/PyEmailMimeText/PyEmailMimeText.swift", encoding: .utf8),
                try String(contentsOfFile: output + "-json/email.mime.text.json", encoding: .utf8)
            )
        }
        let alone = try generate(["email.mime.text"], into: "alone")
        let after = try generate(["email.message", "email.charset", "email.mime.text"], into: "after")
        #expect(alone.json == after.json)
        #expect(alone.swift == after.swift)
        #expect(alone.swift.contains("public final class Charset"), "the referenced class is generated in both")
    }
}
