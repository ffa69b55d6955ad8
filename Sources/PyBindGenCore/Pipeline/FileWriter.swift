import Foundation

/// Writes a set of files all-or-nothing: every file goes to a temporary name first, and only when all are written
/// are they renamed into place.
package enum FileWriter {
    package static func writeAll(_ files: [(path: String, text: String)]) throws {
        var staged: [(temporary: String, path: String)] = []
        do {
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let temporary = folder + "/.\((file.path as NSString).lastPathComponent).pybindgen-tmp"
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: temporary))
                staged.append((temporary, file.path))
            }
        } catch {
            for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
            throw GeneratorError(.unwritableOutput, "cannot write generated files: \(error.localizedDescription)")
        }
        for file in staged {
            if rename(file.temporary, file.path) != 0 {
                throw GeneratorError(.unwritableOutput, "cannot move \(file.temporary) to \(file.path)")
            }
        }
    }
}
