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
        _ = try gc.collect()
        let blocksBefore = try Self.allocatedBlocks(sys)
        let rssBefore = Self.residentBytes()
        try Python.withGIL { try workload(500_000) }
        try workload(500_000)
        _ = try gc.collect()
        // A leak of one object per iteration (or per failed conversion, 100,000 of them) would add far more than
        // the bound; the slack absorbs what tests running in parallel allocate meanwhile.
        let blocksAfter = try Self.allocatedBlocks(sys)
        let rssAfter = Self.residentBytes()
        #expect(blocksAfter - blocksBefore < 20_000, "Python blocks grew from \(blocksBefore) to \(blocksAfter)")
        #expect(rssAfter - rssBefore < 24 << 20, "RSS grew from \(rssBefore) to \(rssAfter)")
    }
}
