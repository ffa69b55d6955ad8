import PythonRuntime
import Testing

/// Each bad input gives a clear `PythonError`, and the interpreter goes on working afterwards.
@Suite("Bad inputs give clear errors and the process goes on")
struct BadInputTests {
    /// Proves the interpreter still answers after a failure.
    func interpreterStillWorks() throws {
        let value = try Int(Python.builtins.sum([1, 2, 3]))
        #expect(value == 6)
    }

    @Test func missingModule() throws {
        let error = #expect(throws: PythonError.self) { try Python.import("no_such_module_xyz") }
        #expect(error?.code == .pythonException)
        #expect(error?.typeName == "ModuleNotFoundError")
        #expect(error?.message == "No module named 'no_such_module_xyz'")
        try interpreterStillWorks()
    }

    @Test func callThatRaisesCarriesTraceback() throws {
        let json = try Python.import("json")
        let error = #expect(throws: PythonError.self) { try json.loads("{not json") }
        #expect(error?.typeName == "json.decoder.JSONDecodeError")
        #expect(error?.message.contains("Expecting property name") == true)
        #expect(error?.traceback?.contains("in loads") == true)
        #expect(error?.traceback?.contains("json/decoder.py") == true)
        #expect(error?.exception?.typeName == "json.decoder.JSONDecodeError")
        try interpreterStillWorks()
    }

    @Test func intFromTwoToTheSeventy() throws {
        let error = #expect(throws: PythonError.self) { try Int(Python.builtins.pow(2, 70)) }
        #expect(error?.code == .integerOverflow)
        #expect(error?.message == "Python int 1180591620717411303424 does not fit in Int")
        try interpreterStillWorks()
    }

    @Test func doubleFromString() throws {
        let error = #expect(throws: PythonError.self) { try Double(PythonObject("abc")) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.message == "expected float, got str 'abc'")
        try interpreterStillWorks()
    }

    @Test func int8From300() throws {
        let error = #expect(throws: PythonError.self) { try Int8(PythonObject(300)) }
        #expect(error?.code == .integerOverflow)
        #expect(error?.message == "Python int 300 does not fit in Int8")
        try interpreterStillWorks()
    }

    @Test func loneSurrogateString() throws {
        let surrogate = try Python.builtins.chr(0xD800)
        let error = #expect(throws: PythonError.self) { try String(surrogate) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.message.contains("surrogates not allowed") == true)
        try interpreterStillWorks()
    }

    @Test func callingANonCallable() throws {
        let number = PythonObject(5)
        #expect(!number.isCallable)
        let error = #expect(throws: PythonError.self) { try number(1) }
        #expect(error?.typeName == "TypeError")
        #expect(error?.message == "'int' object is not callable")
        try interpreterStillWorks()
    }

    @Test func missingAttribute() throws {
        let math = try Python.import("math")
        let error = #expect(throws: PythonError.self) { try math.no_such_function }
        #expect(error?.typeName == "AttributeError")
        #expect(error?.message == "module 'math' has no attribute 'no_such_function'")
        #expect(!math.hasAttribute("no_such_function"))
        try interpreterStillWorks()
    }

    @Test func startingAgainWithAnotherConfiguration() throws {
        try interpreterStillWorks()
        let error = #expect(throws: PythonError.self) {
            try Python.start(PythonConfiguration(searchPaths: ["/definitely/another/configuration"]))
        }
        #expect(error?.code == .interpreterStartup)
        try interpreterStillWorks()
    }
}

@Suite("Signals")
struct SignalTests {
    @Test func aWriteToAClosedPipeIsBrokenPipeErrorNotTheEndOfTheProcess() throws {
        // This test process never creates a worker pool: the runtime alone ignores SIGPIPE.
        let error = #expect(throws: PythonError.self) {
            try Python.run(
                """
                import os
                reader, writer = os.pipe()
                os.close(reader)
                try:
                    os.write(writer, b"x")
                finally:
                    os.close(writer)
                """)
        }
        #expect(error?.typeName == "BrokenPipeError")
        #expect(PythonConfiguration().ignoresBrokenPipes)
    }
}
