import PostgresNIO
import Synchronization

/// Decides which statement texts run as named prepared statements on PostgreSQL, and names them.
///
/// PostgreSQL parses, analyses and plans an unnamed statement on every execution; a named one is
/// parsed once per connection and its plan can be kept. A text is named the second time it is seen
/// with the same parameter types (a text run once, such as a migration's, is never kept), up to
/// `limit` names per process: every pooled connection prepares each name at most once, so the
/// server keeps at most `limit` statements per connection. Only `SELECT`, `INSERT`, `UPDATE`,
/// `DELETE` and `WITH` with at most 2,048 values are named, never a schema change. Texts that
/// differ only in their digits (a page's `LIMIT` and `OFFSET`, chosen by the user) or in the
/// length of a list of values (search results, rows inserted together) share at most 8 names, so
/// what users ask for cannot use up the names or fill the server's memory with plans.
///
/// PostgresNIO keeps a failed preparation's error under its name on that connection for good, so
/// a name that failed on a connection where it never ran is not used again: the text is named
/// afresh the next time it qualifies, and after three such failures runs unnamed for the life of
/// the process. A name stays when it failed on a connection where it already ran, or with an
/// error no preparation gives (a duplicate key, a serialization failure). When another instance's migration changes a table's columns, PostgreSQL
/// refuses to run a prepared statement whose result columns would change ("cached plan must not
/// change result type"): then every text is named afresh, since the same change reaches every
/// statement over that table.
public final class PreparedTexts: Sendable {
    /// A statement text with the types of the values bound to it: PostgreSQL fixes a prepared
    /// statement's parameter types when it prepares it, so each combination has its own name.
    struct Key: Hashable {
        let sql: String
        let types: [UInt32]
    }

    /// A name that ran on a connection, so that it is prepared there.
    private struct Placement: Hashable {
        let connection: Int
        let name: String
    }

    private struct State {
        var sightings: [Key: Int] = [:]
        var names: [Key: String] = [:]
        var namesPerShape: [String: Int] = [:]
        var failures: [Key: Int] = [:]
        var ran: Set<Placement> = []
        var issued = 0
    }

    /// The most names this process issues.
    public let limit: Int
    private let state = Mutex(State())

    /// Texts seen once are remembered up to this number, then forgotten together, so that texts
    /// built with a varying number of values cannot grow the memory without bound.
    private static let sightingsKept = 4_096
    /// Where names ran is remembered up to this number, then forgotten together (a failure is then
    /// taken for a failed preparation, which only costs a new name).
    private static let placementsKept = 65_536
    private static let failuresAllowed = 3
    private static let namesPerShape = 8
    /// Also below PostgresNIO's limit of 65,535 values, which its prepared path does not check.
    static let maximumValues = 2_048
    private static let verbs: Set<String> = ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"]
    private static let separators: Set<UInt8> = [
        UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "("),
    ]

    /// Creates an empty registry issuing at most `limit` names.
    public init(limit: Int = PostgresAddress.defaultPreparedStatements) {
        self.limit = limit
    }

    /// The name to run `sql` under with values of `types`, or nil to run it unnamed.
    func name(for sql: String, types: [UInt32]) -> String? {
        guard limit > 0, types.count <= Self.maximumValues else { return nil }
        let key = Key(sql: sql, types: types)
        return state.withLock { state in
            if let name = state.names[key] { return name }
            guard state.issued < limit, state.failures[key, default: 0] < Self.failuresAllowed, Self.mayBeNamed(sql) else {
                return nil
            }
            let seen = state.sightings[key, default: 0] + 1
            guard seen >= 2 else {
                if state.sightings.count >= Self.sightingsKept { state.sightings.removeAll() }
                state.sightings[key] = seen
                return nil
            }
            let shape = Self.shape(of: sql)
            guard state.namesPerShape[shape, default: 0] < Self.namesPerShape else { return nil }
            state.sightings[key] = nil
            state.namesPerShape[shape, default: 0] += 1
            state.issued += 1
            let name = "openimi_\(state.issued)"
            state.names[key] = name
            return name
        }
    }

    /// Records that `name` ran on `connection`: it is prepared there.
    func ran(_ name: String, on connection: Int) {
        let placement = Placement(connection: connection, name: name)
        state.withLock { state in
            guard !state.ran.contains(placement) else { return }
            if state.ran.count >= Self.placementsKept { state.ran.removeAll() }
            state.ran.insert(placement)
        }
    }

    /// Records that `name`, given for `sql` and `types`, failed on `connection` with `error`.
    func failed(_ name: String, sql: String, types: [UInt32], on connection: Int, with error: PSQLError) {
        let key = Key(sql: sql, types: types)
        state.withLock { state in
            guard state.names[key] == name else { return }
            if Self.resultTypeChanged(error) {
                state.names.removeAll()
                state.namesPerShape.removeAll()
                state.ran.removeAll()
                return
            }
            guard !state.ran.contains(Placement(connection: connection, name: name)), !Self.executionOnly(error) else { return }
            state.names[key] = nil
            state.namesPerShape[Self.shape(of: sql), default: 1] -= 1
            state.failures[key, default: 0] += 1
        }
    }

    /// Whether `error` is PostgreSQL's refusal to run a prepared statement whose result columns
    /// changed; it comes before any row.
    static func resultTypeChanged(_ error: PSQLError) -> Bool {
        guard error.code == .server, let info = error.serverInfo else { return false }
        return info[.routine] == "RevalidateCachedQuery" || info[.message] == "cached plan must not change result type"
    }

    /// Whether `error` can only come from running a statement, never from preparing it: a violated
    /// constraint or a serialization failure (a lock or time-out may also meet a preparation).
    static func executionOnly(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state.hasPrefix("23") || state == "40001"
    }

    /// How many names have been issued (for tests).
    var issued: Int { state.withLock { $0.issued } }

    /// Whether `sql` may run as a prepared statement at all (see the type's description).
    static func mayBeNamed(_ sql: String) -> Bool {
        let verb = sql.utf8.drop { separators.contains($0) }.prefix { !separators.contains($0) }
        guard let verb = String(verb)?.uppercased() else { return false }
        return verbs.contains(verb)
    }

    /// The text without digits, placeholders, commas, parentheses and spaces: texts that differ
    /// only in numbers written into them or in the length of a list of values.
    static func shape(of sql: String) -> String {
        String(decoding: sql.utf8.filter { !shapeless.contains($0) }, as: UTF8.self)
    }

    private static let shapeless = Set("0123456789$,() ".utf8)
}
