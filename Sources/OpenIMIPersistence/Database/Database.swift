import Logging
import SQLKit
import ServiceLifecycle

/// A connected database: SQLite embedded or a PostgreSQL server, behind one interface.
///
/// Reads go through `sql`. Every write runs inside `transaction`, so a failure leaves nothing
/// half-written.
public protocol Database: Sendable {
    /// Which engine this is.
    var kind: DatabaseKind { get }
    /// The database for reads and single statements.
    var sql: any SQLDatabase { get }
    /// Services that must run while the database is used (the PostgreSQL pool).
    var services: [any Service] { get }
    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    /// Prepares the database before migrations (creates the configured PostgreSQL schema).
    func prepare() async throws
    /// Closes the connections.
    func close() async throws
}

/// The database engines OpenIMI runs on.
public enum DatabaseKind: String, Sendable, Codable {
    /// SQLite, embedded in the process.
    case sqlite
    /// A PostgreSQL server.
    case postgresql
}
