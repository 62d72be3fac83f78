/// An error SQLite reported, with its extended result code and message.
///
/// SQLite's messages name tables, columns and constraints, never the values bound to a statement,
/// so they may be logged.
public struct SQLiteEngineError: Error, CustomStringConvertible, Sendable {
    /// SQLite's extended result code, such as 2067 for a violated UNIQUE constraint.
    public let code: Int32
    /// SQLite's explanation.
    public let message: String

    /// The error for `code` with `message`.
    public init(code: Int32, message: String) {
        self.code = code
        self.message = message
    }

    /// Reported after the connection was closed.
    static let closed = SQLiteEngineError(code: 21, message: "the connection is closed")

    public var description: String { "SQLite error \(code): \(message)" }
}
