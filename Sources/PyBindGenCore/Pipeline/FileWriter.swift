import Foundation

/// Writes a set of files all-or-nothing: every file goes to a temporary name first; only when all are written
/// are they moved into place, each file it replaces kept aside until the last is in place. If any step fails,
/// the files it replaced are put back, the new ones removed and no temporary is left: the folder holds exactly
/// what it held before.
package enum FileWriter {
    package static func writeAll(_ files: [(path: String, text: String)]) throws {
        var staged: [(temporary: String, path: String)] = []
        do {
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                let temporary = sibling(of: file.path, suffix: "pybindgen-tmp")
                try Data(file.text.utf8).write(to: URL(fileURLWithPath: temporary))
                staged.append((temporary, file.path))
            }
        } catch {
            for file in staged { try? FileManager.default.removeItem(atPath: file.temporary) }
            throw GeneratorError(.unwritableOutput, "cannot write generated files: \(error.localizedDescription)")
        }
        // Each replaced file is kept aside (renamed) until every new file is in place.
        var placed: [(path: String, backup: String?)] = []
        func rollBack() {
            for file in placed.reversed() {
                if let backup = file.backup {
                    _ = rename(backup, file.path)
                } else {
                    try? FileManager.default.removeItem(atPath: file.path)
                }
            }
            for file in staged.dropFirst(placed.count) { try? FileManager.default.removeItem(atPath: file.temporary) }
        }
        for file in staged {
            var backup: String?
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder) {
                guard !isFolder.boolValue else {
                    rollBack()
                    throw GeneratorError(
                        .unwritableOutput, "cannot write \(file.path): a folder is in the way; nothing was written")
                }
                let aside = sibling(of: file.path, suffix: "pybindgen-old")
                guard rename(file.path, aside) == 0 else {
                    let reason = String(cString: strerror(errno))
                    rollBack()
                    throw GeneratorError(
                        .unwritableOutput, "cannot replace \(file.path): \(reason); nothing was written")
                }
                backup = aside
            }
            guard rename(file.temporary, file.path) == 0 else {
                let reason = String(cString: strerror(errno))
                if let backup { _ = rename(backup, file.path) }
                rollBack()
                throw GeneratorError(
                    .unwritableOutput, "cannot move the new \(file.path) into place: \(reason); nothing was written")
            }
            placed.append((file.path, backup))
        }
        for file in placed { if let backup = file.backup { try? FileManager.default.removeItem(atPath: backup) } }
    }

    /// `folder/.name.suffix`: a hidden file next to `path`.
    private static func sibling(of path: String, suffix: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder + "/.\((path as NSString).lastPathComponent).\(suffix)"
    }
}
