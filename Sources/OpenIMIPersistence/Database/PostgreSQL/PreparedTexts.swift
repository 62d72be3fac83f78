import PostgresNIO
import Synchronization

/// Decides which statement texts run as named prepared statements on PostgreSQL, and names them.
///
/// PostgreSQL parses, analyses and plans an unnamed statement on every execution; a named one is
/// parsed once per connection and its plan can be kept. A text is named the second time it is seen
/// with the same parameter types (a text run once, such as a migration's, is never kept), up to
/// `limit` names per process: every pooled connection prepares each name at most once, so the
/// server keeps at most `limit` statements per connection. Only `SELECT`, `INSERT`, `UPDATE`,
/// `DELETE` and `WITH` are named, never a schema change.
///
/// A statement that fails on the server is not run under its name again: PostgresNIO keeps a
/// failed preparation's error for that name on its connection, so the text gets a new name the
/// next time it qualifies, and after three failures it runs unnamed for the life of the process.
/// When another instance's migration changes a table's columns, PostgreSQL refuses to run a
/// prepared statement whose result columns would change (a `*` select, SQLSTATE 0A000): then
/// every text is renamed at once, since the same change reaches every statement over that table.
public final class PreparedTexts: Sendable {
    /// A statement text with the types of the values bound to it: PostgreSQL fixes a prepared
    /// statement's parameter types when it prepares it, so each combination has its own name.
    struct Key: Hashable {
        let sql: String
        let types: [UInt32]
    }

    private struct State {
        var sightings: [Key: Int] = [:]
        var names: [Key: String] = [:]
        var failures: [Key: Int] = [:]
        var issued = 0
    }

    /// The most names this process issues.
    public let limit: Int
    private let state = Mutex(State())

    /// Texts seen once are remembered up to this number, then forgotten together, so that texts
    /// built with a varying number of values cannot grow the memory without bound.
    private static let sightingsKept = 4_096
    private static let failuresAllowed = 3

    /// Creates an empty registry issuing at most `limit` names.
    public init(limit: Int = PostgresAddress.defaultPreparedStatements) {
        self.limit = limit
    }

    /// The name to run `sql` under with values of `types`, or nil to run it unnamed.
    func name(for sql: String, types: [UInt32]) -> String? {
        guard limit > 0 else { return nil }
        let key = Key(sql: sql, types: types)
        return state.withLock { state in
            if let name = state.names[key] { return name }
            guard state.issued < limit, Self.mayBeNamed(sql), state.failures[key, default: 0] < Self.failuresAllowed else { return nil }
            let seen = state.sightings[key, default: 0] + 1
            guard seen >= 2 else {
                if state.sightings.count >= Self.sightingsKept { state.sightings.removeAll() }
                state.sightings[key] = seen
                return nil
            }
            state.sightings[key] = nil
            state.issued += 1
            let name = "openimi_\(state.issued)"
            state.names[key] = name
            return name
        }
    }

    /// Records that the statement run as `name` failed on the server with `sqlState`.
    func failed(_ name: String, sql: String, types: [UInt32], sqlState: String?) {
        let key = Key(sql: sql, types: types)
        state.withLock { state in
            if sqlState == Self.resultTypeChanged {
                state.names.removeAll()
                return
            }
            guard state.names[key] == name else { return }
            state.names[key] = nil
            state.failures[key, default: 0] += 1
        }
    }

    /// PostgreSQL's SQLSTATE for "cached plan must not change result type".
    static let resultTypeChanged = "0A000"

    /// How many names have been issued (for tests).
    var issued: Int { state.withLock { $0.issued } }

    /// Whether `sql` may run as a prepared statement at all (see the type's description).
    static func mayBeNamed(_ sql: String) -> Bool {
        let separators: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "(")]
        let verb = sql.utf8.drop { separators.contains($0) }.prefix { !separators.contains($0) }
        guard let verb = String(verb)?.uppercased() else { return false }
        return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains(verb)
    }
}
