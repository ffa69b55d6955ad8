import Foundation
import Testing

@testable import PyBindGenCore

/// Generated files are written all-or-nothing.
@Suite("Writing generated files: all or nothing")
struct FileWriterTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func contents(of folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func allFilesReplaceTheirOldVersionsAndNothingElseIsLeft() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("PyA.swift")
        try "old a".write(to: first, atomically: true, encoding: .utf8)
        try FileWriter.writeAll([
            (first.path, "new a"), (folder.appendingPathComponent("PyB.swift").path, "new b"),
        ])
        #expect(try String(contentsOf: first, encoding: .utf8) == "new a")
        #expect(try Self.contents(of: folder) == ["PyA.swift", "PyB.swift"])
    }

    @Test func aFailureAtALaterFilePutsTheEarlierOnesBack() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("PyA.swift")
        let second = folder.appendingPathComponent("PyB.swift")
        let third = folder.appendingPathComponent("PyC.swift")
        try "old a".write(to: first, atomically: true, encoding: .utf8)
        // A folder where the third file goes: its move fails after the first two are in place.
        try FileManager.default.createDirectory(
            at: third.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let error = #expect(throws: GeneratorError.self) {
            try FileWriter.writeAll([(first.path, "new a"), (second.path, "new b"), (third.path, "new c")])
        }
        #expect(error?.code == .unwritableOutput)
        #expect(error?.message.contains("nothing was written") == true)
        #expect(try String(contentsOf: first, encoding: .utf8) == "old a")
        #expect(!FileManager.default.fileExists(atPath: second.path))
        #expect(try Self.contents(of: folder) == ["PyA.swift", "PyC.swift"])
        #expect(try Self.contents(of: third) == ["inside"])
    }
}
