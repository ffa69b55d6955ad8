import Foundation
import PythonRuntime
import Testing

/// A fixed sample of the standard library — every module that once failed to compile, the modules that were 0%
/// typed, and common ones — generated in one run into one target, compiled, and called. `scripts/stdlib-sweep`
/// runs the same over every importable public module.
@Suite("Standard library sample: generated in one run, compiled, called", .serialized)
struct StandardLibrarySampleTests {
    static let modules = [
        // Failed to compile before (tuples, overrides, nested name collisions, duplicate constants, generics).
        "time", "functools", "contextlib", "ipaddress", "sqlite3", "ssl", "uuid", "zipfile", "ast", "tokenize",
        "optparse", "asyncore", "imaplib", "mailbox", "dbm", "dis", "opcode", "pyexpat", "sre_compile",
        "sre_constants", "sre_parse",
        // Were 0% typed (type variables, complex).
        "heapq", "bisect", "itertools", "copy", "cmath", "dataclasses", "json", "pprint", "tomllib",
        // Common, and two that refer to each other's classes.
        "statistics", "fractions", "decimal", "collections", "re", "random", "string", "textwrap", "shutil",
        "csv", "enum", "socket", "difflib", "calendar",
    ]

    static let program = """
        import PythonRuntime

        /// Prints a Swift value the way Python prints the same value.
        func show(_ value: some ConvertibleToPython) throws { print(try PythonObject(value)) }

        print(try PyHeapq.nlargest(n: 3, iterable: [5, 1, 8, 3, 9]))
        print(try PyBisect.bisectRight(a: ["b", "d", "f"], x: "e"))
        try show(try PyCopy.deepcopy(x: ["k": [1.5, 2.5]]))
        let root = try PyCmath.sqrt(Complex<Double>(-9, 0))
        print(root.real, root.imaginary)
        let half = try PyFractions.Fraction(numerator: 1, denominator: 2)
        let third = try PyFractions.Fraction(numerator: 1, denominator: 3)
        let mean: PyFractions.Fraction = try PyStatistics.mean(data: [half, third])
        print(mean)
        try PyRandom.seed(a: 42)
        print(try PyRandom.randint(a: 1, b: 1_000_000))
        print(try PyTextwrap.shorten(text: "The quick brown fox", width: 12))
        print(try PyIpaddress.ipAddress(address: "192.168.0.1").description)
        try show(try PyDifflib.getCloseMatches(word: "appel", possibilities: ["ape", "apple", "peach"]))
        try show(try PyCalendar.isleap(year: 2024))
        print(try PyTime.gmtime(0).tmYear)
        """

    static let expected = """
        import heapq, bisect, copy, cmath, fractions, statistics, random, textwrap, ipaddress, difflib, calendar, time
        print(heapq.nlargest(3, [5, 1, 8, 3, 9]))
        print(bisect.bisect_right(["b", "d", "f"], "e"))
        print(copy.deepcopy({"k": [1.5, 2.5]}))
        root = cmath.sqrt(complex(-9, 0))
        print(root.real, root.imag)
        print(statistics.mean([fractions.Fraction(1, 2), fractions.Fraction(1, 3)]))
        random.seed(42)
        print(random.randint(1, 1_000_000))
        print(textwrap.shorten("The quick brown fox", width=12))
        print(ipaddress.ip_address("192.168.0.1"))
        print(difflib.get_close_matches("appel", ["ape", "apple", "peach"]))
        print(calendar.isleap(2024))
        print(time.gmtime(0).tm_year)
        """

    @Test func generateCompileAndCall() throws {
        let package = try ScratchPackage(name: "stdlib-sample")
        let summary = try package.generate(Self.modules)
        for module in Self.modules { #expect(summary.contains("\(module) → "), "\(module) missing from the summary") }
        let statistics = try String(
            contentsOf: package.sources.appendingPathComponent("PyStatistics.swift"), encoding: .utf8)
        #expect(statistics.contains("PyFractions.Fraction"), "statistics refers to fractions' class, typed")
        let typed = try package.buildAndRun(main: Self.program)
        let python = try ScratchPackage.run(Python.versions().executable, ["-c", Self.expected])
        #expect(typed == python)
    }
}
