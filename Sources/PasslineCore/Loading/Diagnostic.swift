/// One problem found in `Content/`, pointing at the exact place an editor must change.
///
/// Rendered the way compilers do (`path:line:column: error: message`) so that editors and their
/// tools can jump straight to the offending value.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(_ path: String, line: Int, column: Int = 1, _ severity: Severity, _ message: String) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    public init(_ path: String, line: Int, column: Int = 1, _ message: String) {
        self.init(path, line: line, column: column, .error, message)
    }

    public var description: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
    }
}

/// What loading `Content/` found wrong, all at once.
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A place in a content file; values carry it so later checks can point back at them.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    public init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }
}
