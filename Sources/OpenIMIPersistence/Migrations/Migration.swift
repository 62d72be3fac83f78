/// One numbered, append-only change to the schema. A shipped migration is never edited.
public struct Migration: Sendable {
    /// The version number; migrations run in ascending order.
    public let version: Int
    /// A short description, recorded with the version.
    public let name: String
    /// The statements, in order.
    public let statements: [MigrationStatement]

    /// Creates a migration.
    public init(version: Int, name: String, statements: [MigrationStatement]) {
        self.version = version
        self.name = name
        self.statements = statements
    }
}

/// A DDL statement: the same on both engines, or the two dialects side by side.
public enum MigrationStatement: Sendable, ExpressibleByStringLiteral {
    /// Runs unchanged on SQLite and PostgreSQL.
    case portable(String)
    /// Differs between the engines; nil where an engine needs nothing.
    case dialects(sqlite: String?, postgresql: String?)

    public init(stringLiteral value: String) {
        self = .portable(value)
    }

    /// The text to run on `kind`, or nil when there is nothing to run.
    public func sql(for kind: DatabaseKind) -> String? {
        switch (self, kind) {
        case (.portable(let sql), _): sql
        case (.dialects(let sqlite, _), .sqlite): sqlite
        case (.dialects(_, let postgresql), .postgresql): postgresql
        }
    }
}
