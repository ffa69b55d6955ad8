extension String {
    /// The text's lines, split at every line ending Swift comments end at — `\n`, `\r\n` and a lone `\r` — so a
    /// docstring written with Windows or old Mac line endings cannot end a `///` comment early.
    var lines: [String] {
        split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
    }
}
