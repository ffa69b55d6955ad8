import PyDatetime
import PythonRuntime
import Testing

/// Generated methods and properties look members up on the object, as Python does: a Python subclass of a
/// generated class runs its own overrides, and every conversion kind reads straight from the attribute.
@Suite("Generated members dispatch on the object's type")
struct MethodDispatchTests {
    /// A `datetime.date` subclass defined in Python, overriding a method without arguments, one with an
    /// argument, and a property.
    static let subclassSource = """
        import datetime
        class Holiday(datetime.date):
            def isoformat(self):
                return "holiday " + super().isoformat()
            def strftime(self, fmt):
                return "[" + super().strftime(fmt) + "]"
            @property
            def year(self):
                return 1999
        """

    func holiday() throws -> PyDatetime.Date {
        let namespace = try Python.run(Self.subclassSource)
        return try PyDatetime.Date(namespace["Holiday"].call(2024, 12, 25))
    }

    @Test func pythonSubclassOverridesRun() throws {
        let day = try holiday()
        #expect(try day.isoformat() == "holiday 2024-12-25")
        #expect(try day.strftime("%d.%m") == "[25.12]")
        #expect(try day.year == 1999)
        #expect(try day.month == 12, "members it does not override are the base class's")
        #expect(try day.weekday() == 2)
    }

    @Test func wrongPropertyTypeNamesTheMember() throws {
        let namespace = try Python.run(
            """
            import datetime
            class Odd(datetime.date):
                @property
                def year(self):
                    return "not a number"
            """)
        let odd = try PyDatetime.Date(namespace["Odd"].call(2024, 1, 1))
        let error = #expect(throws: PythonError.self) { _ = try odd.year }
        #expect(error?.code == .conversionFailed)
        #expect(error?.description.contains("datetime.date.year") == true, "\(String(describing: error))")
    }

    @Test func raisingOverrideArrivesAsPythonError() throws {
        let namespace = try Python.run(
            """
            import datetime
            class Broken(datetime.date):
                def weekday(self):
                    raise RuntimeError("no weekdays here")
            """)
        let broken = try PyDatetime.Date(namespace["Broken"].call(2024, 1, 1))
        let error = #expect(throws: PythonError.self) { _ = try broken.weekday() }
        #expect(error?.typeName == "RuntimeError")
        #expect(try broken.day == 1, "the object is still usable")
    }
}
