import Foundation
import PythonRuntime
import Testing

@Suite("No reference leaks")
struct LeakTests {
    /// Resident set size of this process, from /proc/self/statm.
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let pages = text.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Python's count of allocated memory blocks (every live object holds at least one).
    static func allocatedBlocks(_ sys: PythonObject) throws -> Int {
        try Int(sys.getallocatedblocks())
    }

    @Test func oneMillionCallsAndConversionsLeaveMemoryFlat() throws {
        let sys = try Python.import("sys")
        let gc = try Python.import("gc")
        let math = try Python.import("math")
        let sqrt = try math.sqrt
        let builtins = try Python.builtins
        let str = try builtins.str

        func workload(_ iterations: Int) throws {
            for index in 0..<iterations {
                let root: Double = try sqrt.call(Double(index))
                let text: String = try str.call(index)
                let list = try PythonObject([index, index + 1])
                let back = try [Int](list)
                let dynamic = try sqrt(root)
                if back.count != 2 || text.isEmpty || dynamic.isNone { Issue.record("wrong result at \(index)") }
                if index % 10 == 0 { _ = try? Int(PythonObject("not a number")) }
            }
        }

        try workload(20_000)
        // Eight windows of 125,000 iterations (half inside one `withGIL`, half taking the GIL per call). Suites
        // running in parallel in this process (a Dask client importing `distributed`, worker pools pickling)
        // can inflate a window, but not all of them; a real leak of one object per 50 iterations inflates every
        // window past the bound. So the smallest growth of any window is what is checked.
        var blockGrowth: [Int] = []
        var residentGrowth: [Int] = []
        for window in 0..<8 {
            _ = try gc.collect()
            let blocksBefore = try Self.allocatedBlocks(sys)
            let rssBefore = Self.residentBytes()
            if window % 2 == 0 {
                try Python.withGIL { try workload(125_000) }
            } else {
                try workload(125_000)
            }
            _ = try gc.collect()
            blockGrowth.append(try Self.allocatedBlocks(sys) - blocksBefore)
            residentGrowth.append(Self.residentBytes() - rssBefore)
        }
        #expect(blockGrowth.min()! < 2_500, "Python blocks grew in every window: \(blockGrowth)")
        #expect(residentGrowth.min()! < 3 << 20, "RSS grew in every window: \(residentGrowth)")
    }
}
