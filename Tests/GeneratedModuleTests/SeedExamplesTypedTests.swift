import PyBuiltins
import PyDatetime
import PyMath
import PyOperator
import PythonRuntime
import Testing

/// The original library's documentation examples, through the committed typed bindings.
@Suite("Seed documentation examples (typed API)")
struct SeedExamplesTypedTests {
    @Test func builtins() throws {
        #expect(try PyBuiltins.int("101010", base: 2) == 42)
        #expect(try Double(PyBuiltins.round(number: 0.666666667, ndigits: 5)) == 0.66667)
        #expect(try PyBuiltins.len(PyBuiltins.Range(7, 42)) == 35)
        #expect(try PyBuiltins.any([false, true]))
        #expect(try !PyBuiltins.all([true, false]))
        #expect(try PyBuiltins.str(object: 42) == "42")
        #expect(try PyBuiltins.float("2.5") == 2.5)
        // `source: str | ReadableBuffer | CodeType`: typed overloads for the members Swift can type, plus one for
        // any convertible value.
        #expect(try Int(PyBuiltins.eval("6 * 7", [String: Int]())) == 42)
    }

    @Test func math() throws {
        #expect(try PyMath.pi == 3.141592653589793)
        #expect(try PyMath.pow(2, 16) == 65536.0)
        #expect(try PyMath.sqrt(2.0) == 2.0.squareRoot())
        #expect(try PyMath.gcd(12, 18) == 6)
        #expect(try PyMath.factorial(10) == 3_628_800)
        #expect(try PyMath.isfinite(1.0))
        // `Iterable[bool | int]` narrows to `[Int]` (every bool is an int): typed in and out.
        let product: Int = try PyMath.prod([2, 3, 4], start: 10)
        #expect(product == 240)
        let domain = #expect(throws: PythonError.self) { try PyMath.sqrt(-1.0) }
        #expect(domain?.typeName == "ValueError")
    }

    @Test func datetime() throws {
        let date = try PyDatetime.Date(year: 1923, month: 4, day: 2)
        #expect(try date.year == 1923)
        #expect(try date.isoformat() == "1923-04-02")
        let now = try PyDatetime.Datetime.now()
        #expect(try now.year >= 2024)
        let fixed = try PyDatetime.Datetime(year: 2013, month: 11, day: 18, hour: 14, minute: 35, second: 12)
        #expect(try fixed.strftime("%Y.%m.%d %H:%M:%S") == "2013.11.18 14:35:12")
        let earlier = try PyDatetime.Datetime(year: 2013, month: 11, day: 18, hour: 14, minute: 35, second: 12)
        let later = try PyDatetime.Datetime(year: 2013, month: 11, day: 18, hour: 14, minute: 36, second: 54)
        let difference: PyDatetime.Timedelta = try later - earlier
        #expect(try difference.seconds == 102)
        // Methods dispatch on the object's type, as in Python: a datetime held as a date is still a datetime.
        let asDate: PyDatetime.Date = fixed
        #expect(try asDate.isoformat() == "2013-11-18T14:35:12")
    }

    @Test func operators() throws {
        #expect(try Int(PyOperator.add(37, 5)) == 42)
        #expect(try Int(PyOperator.and(60, 13)) == 12)
        #expect(try Int(PyOperator.or(60, 13)) == 61)
        #expect(try Int(PyOperator.xor(60, 13)) == 49)
        #expect(try Int(PyOperator.inv(60)) == -61)
        #expect(try Int(PyOperator.rshift(60, 2)) == 15)
        #expect(try Int(PyOperator.lshift(60, 2)) == 240)
        #expect(try Int(PyOperator.floordiv(462, 11)) == 42)
        #expect(try Double(PyOperator.truediv(462, 11)) == 42.0)
    }

    @Test func wrongTypeAtCallTimeNamesTheFunction() throws {
        // `datetime.date` objects only: a `datetime.timedelta` is refused with both type names.
        let delta = try PyDatetime.Timedelta(days: 1)
        let error = #expect(throws: PythonError.self) { try PyDatetime.Date(delta.object) }
        #expect(error?.code == .conversionFailed)
        #expect(error?.message.contains("expected datetime.date, got datetime.timedelta") == true)
        // A Python result of the wrong type for the declared Swift result names the function.
        let reference = PythonCallableReference(module: "builtins", "str")
        let conversion = #expect(throws: PythonError.self) { let _: Int = try reference.call(5) }
        #expect(conversion?.message == "builtins.str: expected int, got str '5'")
    }
}
