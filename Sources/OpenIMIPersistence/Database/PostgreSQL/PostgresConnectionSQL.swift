import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// The `SQLDatabase` of one leased PostgreSQL connection: a statement whose text `PreparedTexts`
/// names runs as a prepared statement, parsed once per connection; any other runs unnamed, parsed
/// and planned for that execution alone, as PostgresKit runs it.
struct PostgresConnectionSQL: PostgresSQL {
    /// The leased connection.
    let connection: PostgresConnection
    /// The process's choice of prepared statements.
    let texts: PreparedTexts
    /// The driver's logger (never below debug: see `PostgresStore`).
    let logger: Logger
    /// Whether statements run inside a transaction; outside one, a statement refused because its
    /// table's columns changed since it was prepared is run again unnamed.
    var inTransaction = false

    var eventLoop: any EventLoop { connection.eventLoop }
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        guard let (bindings, types) = try Self.bindings(binds) else {
            // A value PostgresKit encodes through Codable: PostgresKit runs it, unnamed.
            return try await connection.sql(queryLogLevel: nil).execute(sql: query, onRow)
        }
        guard let name = texts.name(for: sql, types: types) else {
            return try await unnamed(sql, bindings, onRow)
        }
        do {
            try await NamedStatement.$current.withValue(.init(name: name, sql: sql)) {
                for try await row in try await connection.execute(NamedStatement(bindings: bindings), logger: logger) {
                    onRow(row.sql())
                }
            }
        } catch let error as PSQLError where error.code == .server {
            let sqlState = error.serverInfo?[.sqlState]
            texts.failed(name, sql: sql, types: types, sqlState: sqlState)
            // Refused before any row was sent; inside a transaction, the transaction is lost.
            guard sqlState == PreparedTexts.resultTypeChanged, !inTransaction else { throw error }
            try await unnamed(sql, bindings, onRow)
        }
    }

    private func unnamed(
        _ sql: String, _ bindings: PostgresBindings, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws {
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) {
            onRow(row.sql())
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// The values bound as PostgresKit binds them, with their PostgreSQL types (0 for a null, whose
    /// type the server infers); nil when a value is not one PostgresNIO encodes directly.
    static func bindings(_ values: [any Encodable]) throws -> (PostgresBindings, [UInt32])? {
        var bindings = PostgresBindings(capacity: values.count)
        var types: [UInt32] = []
        types.reserveCapacity(values.count)
        for value in values {
            guard try append(value, to: &bindings, types: &types) else { return nil }
        }
        return (bindings, types)
    }

    // The same tests, in the same order, as PostgresKit's `PostgresDataTranslation.encode`.
    private static func append<T: Encodable>(_ value: T, to bindings: inout PostgresBindings, types: inout [UInt32]) throws -> Bool {
        if (value as Optional<Any>) == nil {
            bindings.appendNull()
            types.append(0)
            return true
        }
        guard let value = value as? any PostgresThrowingDynamicTypeEncodable else { return false }
        try bindings.append(value, context: .default)
        types.append(value.psqlType.rawValue)
        return true
    }
}
