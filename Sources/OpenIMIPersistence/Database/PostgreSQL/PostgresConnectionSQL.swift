import Foundation
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
                    onRow(PostgresRowValues(row))
                }
            }
            texts.ran(name, on: connection.id)
        } catch let error as PSQLError where error.code == .server {
            texts.failed(name, sql: sql, types: types, on: connection.id, with: error)
            // That refusal comes before any row; inside a transaction, the transaction is lost.
            guard PreparedTexts.resultTypeChanged(error), !inTransaction else { throw error }
            try await unnamed(sql, bindings, onRow)
        }
    }

    private func unnamed(
        _ sql: String, _ bindings: PostgresBindings, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws {
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) {
            onRow(PostgresRowValues(row))
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// The values bound as PostgresKit binds them, with their PostgreSQL types; nil when a value is
    /// not one PostgresNIO encodes directly.
    static func bindings(_ values: [any Encodable]) throws -> (PostgresBindings, [UInt32])? {
        var bindings = PostgresBindings(capacity: values.count)
        var types: [UInt32] = []
        types.reserveCapacity(values.count)
        for value in values {
            guard try append(value, to: &bindings, types: &types) else { return nil }
        }
        return (bindings, types)
    }

    // What PostgresKit's `PostgresDataTranslation.encode` does: a value PostgresNIO encodes
    // directly is appended as such; a nil optional fails that test and becomes, through the
    // optional's `PostgresData`, a null of the wrapped type.
    private static func append<T: Encodable>(_ value: T, to bindings: inout PostgresBindings, types: inout [UInt32]) throws -> Bool {
        if let value = value as? any PostgresThrowingDynamicTypeEncodable {
            try bindings.append(value, context: .default)
            types.append(value.psqlType.rawValue)
            return true
        }
        guard let optional = value as? any TypedNull, let type = optional.nullType else { return false }
        bindings.append(PostgresData(type: type, value: nil))
        types.append(type.rawValue)
        return true
    }
}

/// An optional of a type PostgresNIO encodes, seen through an existential.
private protocol TypedNull {
    /// The wrapped type's PostgreSQL type when nil; nil otherwise.
    var nullType: PostgresDataType? { get }
}

extension Optional: TypedNull where Wrapped: PostgresEncodable {
    fileprivate var nullType: PostgresDataType? {
        guard case .none = self, nullsOfOwnType.contains(ObjectIdentifier(Wrapped.self)) else { return nil }
        return Wrapped.psqlType
    }
}

// The types whose nil PostgresKit binds as a null of the type itself (through their deprecated
// `PostgresDataConvertible` conformance, whose type is the one PostgresNIO encodes them with);
// any other nil goes through PostgresKit's Codable path as a null of no type.
private let nullsOfOwnType: Set<ObjectIdentifier> = [
    ObjectIdentifier(String.self), ObjectIdentifier(Int.self), ObjectIdentifier(Int64.self), ObjectIdentifier(Int32.self),
    ObjectIdentifier(Int16.self), ObjectIdentifier(Double.self), ObjectIdentifier(Float.self), ObjectIdentifier(Bool.self),
    ObjectIdentifier(Date.self), ObjectIdentifier(UUID.self), ObjectIdentifier(Data.self),
]
