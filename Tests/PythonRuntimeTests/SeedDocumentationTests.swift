import BigInt
import PythonRuntime
import Testing

/// The examples of the original library's documentation, reproduced with the dynamic API.
@Suite("Seed documentation examples (dynamic API)")
struct SeedDocumentationTests {
    let builtins = try! Python.builtins
    let math = try! Python.import("math")
    let datetime = try! Python.import("datetime")
    let operatorModule = try! Python.import("operator")

    @Test func intWithBase() throws {
        let value = try Int(builtins.int("101010", base: 2))
        #expect(value == 42)
    }

    @Test func piAsDoubleIntAndString() throws {
        let pi = try math.pi
        #expect(try Double(pi) == 3.141592653589793)
        #expect(try Int(builtins.int(pi)) == 3)
        #expect(try String(builtins.str(pi)) == "3.141592653589793")
    }

    @Test func dateConstruction() throws {
        let date = try datetime.date(1923, 4, 2)
        #expect(try date.isoformat().converted(to: String.self) == "1923-04-02")
        #expect(try Int(date.year) == 1923)
        #expect(try Int(date.month) == 4)
        #expect(try Int(date.day) == 2)
    }

    @Test func strftimeOfFixedDatetime() throws {
        let moment = try datetime.datetime(2013, 11, 18, 14, 35, 12)
        let text = try String(moment.strftime("%Y.%m.%d %H:%M:%S"))
        #expect(text == "2013.11.18 14:35:12")
    }

    @Test func timedeltaSeconds() throws {
        let earlier = try datetime.datetime(2013, 11, 18, 14, 35, 12)
        let later = try datetime.datetime(2013, 11, 18, 14, 36, 54)
        let difference = try later - earlier
        #expect(try Int(difference.seconds) == 102)
    }

    @Test func powIsExact() throws {
        let value = try BigInt(builtins.pow(6, 42))
        #expect(value == BigInt("481229803398374426442198455156736"))
        #expect(try math.pow(2, 16).converted(to: Double.self) == 65536.0)
    }

    @Test func roundLenAnyAll() throws {
        #expect(try Double(builtins.round(0.666666667, 5)) == 0.66667)
        #expect(try Int(builtins.len(builtins.range(7, 42))) == 35)
        #expect(try Bool(builtins.any([false, true, false])) == true)
        #expect(try Bool(builtins.all([true, false])) == false)
        #expect(try Bool(builtins.all([true, true])) == true)
    }

    @Test func operatorFunctions() throws {
        let op = operatorModule
        #expect(try Int(op.add(37, 5)) == 42)
        #expect(try Int(op.and_(60, 13)) == 12)
        #expect(try Int(op.or_(60, 13)) == 61)
        #expect(try Int(op.xor(60, 13)) == 49)
        #expect(try Int(op.inv(60)) == -61)
        #expect(try Int(op.rshift(60, 2)) == 15)
        #expect(try Int(op.lshift(60, 2)) == 240)
        #expect(try Int(op.floordiv(462, 11)) == 42)
        #expect(try Double(op.truediv(462, 11)) == 42.0)
    }

    @Test func versions() throws {
        let versions = try Python.versions()
        #expect(versions.python.hasPrefix("3."))
        #expect(versions.runtime == Python.runtimeVersion)
        #expect(versions.platform.contains("Linux") || versions.platform.contains("macOS"))
        #expect(
            versions.executable.hasSuffix(
                "python" + versions.python.split(separator: ".").prefix(2).joined(separator: ".")))
    }
}
