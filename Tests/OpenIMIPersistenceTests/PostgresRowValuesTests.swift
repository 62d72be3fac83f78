import Foundation
import Logging
import OpenIMITestSupport
import PostgresKit
import PostgresNIO
import SQLKit
import Testing

@testable import OpenIMIPersistence

/// `PostgresRowValues` reads every column as PostgresKit's row does: the same value, or an error
/// where PostgresKit gives one, for every column type the schema uses and the ones PostgresKit
/// treats specially (a user-defined enum read as a string, `numeric` read as a `Double`).
@Suite struct PostgresRowValuesTests {
    private enum Mood: String, Codable { case calm, tense }

    @Test func everyColumnDecodesAsPostgresKitDecodesIt() async throws {
        guard case .postgres(var address) = try TestDatabase.freshLocation() else { return }
        address.poolSize = 1
        let logger = Logger(label: "openimi-tests")
        let database = PostgresStore(address: address, logger: logger)
        try await database.closing(logger: logger) {
            try await database.prepare()
            try await database.client.withConnection { connection in
                for statement in [
                    "CREATE TYPE mood AS ENUM ('calm', 'tense')",
                    """
                    CREATE TABLE probe (k INTEGER PRIMARY KEY, t TEXT, b BIGINT, i INTEGER, s SMALLINT, f BOOLEAN,
                      d DOUBLE PRECISION, r REAL, y BYTEA, u UUID, ts TIMESTAMPTZ, n NUMERIC, e mood, j JSONB, m TEXT)
                    """,
                    """
                    INSERT INTO probe VALUES (1, 'Ærø – Škofja Loka', 9007199254740993, -7, 12, TRUE, 2.5, 0.25,
                      '\\x00ff', 'c0ffee00-0000-4000-8000-000000000001', '2026-12-01 10:00:00.123456+00', 12.75,
                      'tense', '{"a": 1}', 'calm'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                      NULL, NULL, NULL, NULL)
                    """,
                ] {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).get()
                }
                let rows = try await connection.query("SELECT * FROM probe ORDER BY k", logger: logger).collect()
                #expect(rows.count == 2)
                var compared = 0
                for row in rows {
                    let ours = PostgresRowValues(row)
                    let theirs = row.sql()
                    #expect(ours.allColumns == theirs.allColumns)
                    for column in ours.allColumns + ["missing"] {
                        #expect(ours.contains(column: column) == theirs.contains(column: column))
                        #expect(try ours.decodeNil(column: column) == theirs.decodeNil(column: column))
                        for check in Self.checks {
                            #expect(check(ours, theirs, column), "column \(column)")
                            compared += 1
                        }
                    }
                }
                #expect(compared > 500)
            }
        }
    }

    /// One comparison per Swift type: the direct ones, their optionals, and some that go through PostgresKit.
    private static let checks: [@Sendable (any SQLRow, any SQLRow, String) -> Bool] = [
        same(String.self), same(String?.self), same(Int.self), same(Int?.self), same(Int64.self), same(Int64?.self),
        same(Int32.self), same(Int32?.self), same(Bool.self), same(Bool?.self), same(Double.self), same(Double?.self),
        same(Data.self), same(Data?.self), same(UUID.self), same(UUID?.self), same(Date.self), same(Date?.self),
        same(Decimal.self), same(Float.self), same(Int16.self), same(Mood.self), same(Mood?.self), same([String: Int].self),
    ]

    // Both rows give equal values, or both refuse with the same kind of error.
    private static func same<T: Decodable>(_: T.Type) -> @Sendable (any SQLRow, any SQLRow, String) -> Bool {
        { ours, theirs, column in
            switch (Result { try ours.decode(column: column, as: T.self) }, Result { try theirs.decode(column: column, as: T.self) }) {
            case (.success(let a), .success(let b)): String(reflecting: a) == String(reflecting: b)
            case (.failure(let a), .failure(let b)): String(reflecting: type(of: a)) == String(reflecting: type(of: b))
            default: false
            }
        }
    }
}
