import CSQLiteSettings
import NIOCore
import SQLiteKit
import Synchronization
import VaporCSQLite

/// One SQLite connection whose statements run on the calling thread.
///
/// SQLite answers from memory or the page cache in microseconds; handing each statement to a
/// worker thread and back cost more than running it. Statements are prepared once per connection
/// and kept for reuse. A lock makes one statement at a time run on the connection; it is never held
/// across a suspension point.
final class SQLiteHandle: Sendable {
    /// The most prepared statements kept per connection; past it, the cache starts over.
    static let statementCacheLimit = 256

    // The pointers are only touched under the lock below.
    private struct Prepared: @unchecked Sendable {
        let statement: OpaquePointer
        let columns: SQLiteColumns
    }

    private struct State: @unchecked Sendable {
        var connection: OpaquePointer?
        var prepared: [String: Prepared] = [:]
    }

    private let state: Mutex<State>
    /// Statements running or waiting for the lock, so that a caller can choose an idle connection.
    private let users = Atomic<Int>(0)

    private init(connection: OpaquePointer) {
        state = Mutex(State(connection: connection))
    }

    /// Opens the database file at `path`: for writing (creating it if needed), or `readOnly`, when
    /// SQLite refuses every statement that would change it.
    static func open(path: String, readOnly: Bool = false) throws -> SQLiteHandle {
        var connection: OpaquePointer?
        let access = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let flags = access | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite_nio_sqlite3_open_v2(path, &connection, flags, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "cannot allocate a connection"
            sqlite_nio_sqlite3_close_v2(connection)
            throw SQLiteEngineError(code: code, message: message)
        }
        return SQLiteHandle(connection: connection)
    }

    /// Runs the one statement `sql` with `binds` and hands each result row to `onRow`.
    func run(_ sql: String, _ binds: [SQLiteData], _ onRow: (SQLiteResultRow) throws -> Void) throws {
        users.add(1, ordering: .relaxed)
        defer { users.subtract(1, ordering: .relaxed) }
        try state.withLock { state in
            guard let connection = state.connection else { throw SQLiteEngineError.closed }
            let prepared = try Self.prepared(sql, in: &state, connection: connection)
            let statement = prepared.statement
            defer {
                sqlite_nio_sqlite3_reset(statement)
                // Values bound for one run must not linger for the next; clearing them would also
                // expire a plan that depended on them, were plans not kept independent of them.
                sqlite_nio_sqlite3_clear_bindings(statement)
            }
            for (index, value) in binds.enumerated() {
                let code = SQLiteValues.bind(value, at: Int32(index + 1), to: statement)
                guard code == SQLITE_OK else { throw Self.error(code, connection) }
            }
            let count = Int32(prepared.columns.names.count)
            while true {
                let code = sqlite_nio_sqlite3_step(statement)
                if code == SQLITE_DONE { return }
                guard code == SQLITE_ROW else { throw Self.error(code, connection) }
                var values: [SQLiteData] = []
                values.reserveCapacity(Int(count))
                for column in 0..<count { values.append(SQLiteValues.value(of: statement, at: column)) }
                try onRow(SQLiteResultRow(columns: prepared.columns, values: values))
            }
        }
    }

    /// Makes the query planner choose a statement's plan without looking at the values bound to
    /// it. Otherwise SQLite reads bound values while planning — to guess how selective a
    /// `column = ?` filter is, to match a partial index's condition, to size a `LIMIT ?` — and
    /// marks the statement to be prepared again whenever such a value is bound anew (or the
    /// bindings cleared, as every run here does): every execution of such a statement paid for a
    /// fresh preparation. The planner still sees literals.
    func keepPlansIndependentOfBoundValues() throws {
        try state.withLock { state in
            guard let connection = state.connection else { throw SQLiteEngineError.closed }
            guard openimi_sqlite_planner_stability(connection, 1) == 1 else {
                throw Self.error(SQLITE_ERROR, connection, fallback: "the query planner stability guarantee was refused")
            }
        }
    }

    /// How many times SQLite prepared the statements kept on this connection again since they were
    /// first prepared (schema changes, or values bound to a plan that depended on them).
    var statementsPreparedAgain: Int {
        state.withLock { state in
            state.prepared.values.reduce(0) {
                $0 + Int(sqlite_nio_sqlite3_stmt_status($1.statement, Int32(SQLITE_STMTSTATUS_REPREPARE), 0))
            }
        }
    }

    /// Whether no statement runs or waits on this connection now.
    var isIdle: Bool { users.load(ordering: .relaxed) == 0 }

    /// Finalises the prepared statements and closes the connection; later calls do nothing.
    func close() {
        state.withLock { state in
            guard let connection = state.connection else { return }
            for prepared in state.prepared.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
            state.prepared = [:]
            sqlite_nio_sqlite3_close_v2(connection)
            state.connection = nil
        }
    }

    deinit {
        close()
    }

    private static func prepared(_ sql: String, in state: inout State, connection: OpaquePointer) throws -> Prepared {
        if let prepared = state.prepared[sql] { return prepared }
        if state.prepared.count >= statementCacheLimit {
            for prepared in state.prepared.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
            state.prepared = [:]
        }
        var statement: OpaquePointer?
        var trailing = false
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite_nio_sqlite3_prepare_v3(connection, text, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            // A second statement after the first would be silently skipped; refuse it instead.
            if let tail, String(cString: tail).contains(where: { !$0.isWhitespace && $0 != ";" }) { trailing = true }
            return code
        }
        guard code == SQLITE_OK, let statement else {
            sqlite_nio_sqlite3_finalize(statement)
            throw error(code == SQLITE_OK ? SQLITE_MISUSE : code, connection, fallback: "no statement to run")
        }
        guard !trailing else {
            sqlite_nio_sqlite3_finalize(statement)
            throw SQLiteEngineError(code: SQLITE_MISUSE, message: "more than one statement in one call")
        }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let names = (0..<count).map { column in
            sqlite_nio_sqlite3_column_name(statement, column).map { String(cString: $0) } ?? ""
        }
        let prepared = Prepared(statement: statement, columns: SQLiteColumns(names: names))
        state.prepared[sql] = prepared
        return prepared
    }

    private static func error(_ code: Int32, _ connection: OpaquePointer, fallback: String? = nil) -> SQLiteEngineError {
        let extended = sqlite_nio_sqlite3_extended_errcode(connection)
        let message = String(cString: sqlite_nio_sqlite3_errmsg(connection))
        return SQLiteEngineError(
            code: extended != 0 ? extended : code, message: fallback.map { message == "not an error" ? $0 : message } ?? message)
    }
}
