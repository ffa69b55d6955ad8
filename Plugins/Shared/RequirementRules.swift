import Foundation

/// The rules of the `requirements` of a `pybindgen.json`: PEP 508 dependency specifiers, checked before anything
/// is installed, so a typo is a configuration problem and never an argument pip misreads.
///
/// Like `ConfigurationRules`, this file lives in `Plugins/Shared` and is compiled by the library and both plugins.
enum RequirementRules {
    /// One requirement as written, with the parts the rules need.
    struct Requirement: Equatable, Sendable {
        /// The text as written in the configuration (trimmed).
        var text: String
        /// The distribution name normalized as PEP 503 does (`Charset_Normalizer` → `charset-normalizer`).
        var normalizedName: String
    }

    /// Why a requirement is not a PEP 508 specifier, as a sentence.
    struct Malformed: Error, Equatable, Sendable, ExpressibleByStringInterpolation {
        var message: String
        init(stringLiteral value: String) { message = value }
    }

    /// The comparison operators of PEP 440 version specifiers, longest first.
    private static let operators = ["===", "~=", "==", "!=", "<=", ">=", "<", ">"]

    /// `requests`, `numpy>=2,<3`, `httpx[http2]==0.28.1`, `pkg @ https://…`, `six; python_version < "4"`.
    /// - Returns: the requirement, or why it is not a PEP 508 specifier.
    static func parse(_ raw: String) -> Result<Requirement, Malformed> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let quoted = "'\(raw)'"
        if text.isEmpty { return .failure("requirement \(quoted) is empty") }
        if text.hasPrefix("-") {
            return .failure(
                "requirement \(quoted) is a pip option, not a requirement (use the 'index' and 'findLinks' keys)")
        }
        // The marker (after `;`) is Python's to evaluate; it only has to be present when a `;` is.
        var body = Substring(text)
        if let semicolon = body.firstIndex(of: ";") {
            if body[body.index(after: semicolon)...].trimmingCharacters(in: .whitespaces).isEmpty {
                return .failure("requirement \(quoted) has an empty environment marker after ';'")
            }
            body = body[..<semicolon]
        }
        let scalars = Array(body.unicodeScalars)
        var index = 0
        while index < scalars.count, isName(String(scalars[index])) || "._-".unicodeScalars.contains(scalars[index]) {
            index += 1
        }
        let name = String(String.UnicodeScalarView(scalars[0..<index]))
        guard isName(name) else {
            return .failure(
                "requirement \(quoted) does not start with a distribution name (letters, digits, '.', '-', '_')")
        }
        var rest = String(String.UnicodeScalarView(scalars[index...])).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                return .failure("requirement \(quoted) opens an extras list '[' that is never closed")
            }
            let extras = rest[rest.index(after: rest.startIndex)..<close].split(separator: ",")
            for extra in extras where !isName(extra.trimmed) {
                return .failure("requirement \(quoted) names an extra that is not a name: '\(extra)'")
            }
            rest = String(rest[rest.index(after: close)...]).trimmingCharacters(in: .whitespaces)
        }
        if rest.hasPrefix("@") {
            let url = rest.dropFirst().trimmingCharacters(in: .whitespaces)
            guard url.contains("://") || url.hasPrefix("file:") else {
                return .failure("requirement \(quoted) has '@' but no URL after it")
            }
        } else if !rest.isEmpty {
            if rest.hasPrefix("("), rest.hasSuffix(")") { rest = String(rest.dropFirst().dropLast()) }
            for clause in rest.split(separator: ",", omittingEmptySubsequences: false) {
                if let problem = specifierProblem(clause.trimmed) {
                    return .failure(Malformed(stringLiteral: "requirement \(quoted): \(problem)"))
                }
            }
        }
        return .success(Requirement(text: text, normalizedName: normalize(name)))
    }

    /// Every problem of a list of requirements: malformed ones, and a distribution required twice (two pins of one
    /// package conflict, and pip would only report that after downloading).
    static func problems(_ requirements: [String]) -> [String] {
        var problems: [String] = []
        var seen: [String: String] = [:]
        for raw in requirements {
            switch parse(raw) {
            case .failure(let problem): problems.append(problem.message)
            case .success(let requirement):
                if let earlier = seen[requirement.normalizedName] {
                    problems.append(
                        "'\(requirement.normalizedName)' is required twice ('\(earlier)' and '\(requirement.text)'); "
                            + "write one requirement with every condition, such as '\(requirement.normalizedName)>=2,<3'"
                    )
                } else {
                    seen[requirement.normalizedName] = requirement.text
                }
            }
        }
        return problems
    }

    /// Whether `text` is a distribution or extra name: ASCII letters and digits, with `.`, `-`, `_` inside.
    private static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        let letters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return letters.contains(first) && letters.contains(last)
            && text.unicodeScalars.allSatisfy { letters.contains($0) || "._-".unicodeScalars.contains($0) }
    }

    /// PEP 503 normalization: lower case, runs of `-`, `_` and `.` become one `-`.
    static func normalize(_ name: String) -> String {
        var result = ""
        var lastWasSeparator = false
        for character in name.lowercased() {
            if "-_.".contains(character) {
                if !lastWasSeparator { result.append("-") }
                lastWasSeparator = true
            } else {
                result.append(character)
                lastWasSeparator = false
            }
        }
        return result
    }

    /// Why one `op version` clause is not a PEP 440 specifier, or `nil`.
    private static func specifierProblem(_ clause: String) -> String? {
        guard let op = operators.first(where: { clause.hasPrefix($0) }) else {
            return "'\(clause)' is not a version condition (expected an operator such as ==, >=, ~= before a version)"
        }
        let version = clause.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet(charactersIn: "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.*+!_-")
        guard let first = version.unicodeScalars.first, CharacterSet.alphanumerics.contains(first),
            version.unicodeScalars.allSatisfy(allowed.contains)
        else {
            return "'\(clause)' has no valid version after '\(op)'"
        }
        if version.contains("*"), op != "==", op != "!=" {
            return "'\(clause)': a wildcard version is allowed only after == or !="
        }
        return nil
    }
}

extension StringProtocol {
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespaces) }
}
