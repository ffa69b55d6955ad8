import Foundation

/// Runs the tools provisioning uses (`python -m venv`, pip), streaming their output as it arrives.
enum ToolProcess {
    /// A tool that exited with a failure; `output` holds every line it printed, for explaining why.
    struct Failure: Error, CustomStringConvertible {
        var description: String
        var output: [String]
    }

    /// Runs `executable` with `arguments`, passing each line of its output to `log` (indented) as it arrives.
    /// - Returns: every line printed.
    /// - Throws: ``Failure`` when it exits with a non-zero status.
    @discardableResult
    static func run(
        _ executable: String, _ arguments: [String], environment extra: [String: String] = [:],
        log: (String) -> Void
    ) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            extra.merging(["PYTHONUNBUFFERED": "1"]) { $1 }
        ) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var pending = Data()
        var lines: [String] = []
        func take(_ line: String) {
            guard !line.isEmpty else { return }
            lines.append(line)
            log("  " + line)
        }
        let reader = pipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                take(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
        }
        if !pending.isEmpty { take(String(decoding: pending, as: UTF8.self)) }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)",
                output: lines)
        }
        return lines
    }
}
