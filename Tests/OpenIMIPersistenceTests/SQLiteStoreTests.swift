import Foundation
import Logging
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIPersistence

/// The embedded engine's own binding: values, errors, the statement cache and closing.
@Suite struct SQLiteStoreTests {
    private static func withStore(_ body: @escaping @Sendable (SQLiteStore) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-store-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await SQLiteStore.open(path: path, logger: Logger(label: "openimi-tests"))
        do {
            try await store.transaction { sql in
                try await sql.raw("CREATE TABLE probe (id INTEGER PRIMARY KEY, name TEXT UNIQUE, amount REAL, content BLOB)").run()
            }
            try await body(store)
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }

    @Test func valuesComeBackAsTheyWereBound() async throws {
        try await Self.withStore { store in
            let names = ["Ærø Sø", "Čiščenje žličk", "Ελλάδα", "България", "nul\u{0}inside", ""]
            try await store.transaction { sql in
                for (index, name) in names.enumerated() {
                    try await sql.insert(into: "probe").columns("id", "name", "amount", "content")
                        .values(
                            SQLBind(Int64.max - Int64(index)), SQLBind(name), SQLBind(Double(index) + 0.25),
                            SQLBind(Array("x\(index)".utf8))
                        )
                        .run()
                }
                try await sql.insert(into: "probe").columns("id", "name", "amount", "content")
                    .values(SQLBind(Int64.min), SQLLiteral.null, SQLLiteral.null, SQLLiteral.null).run()
            }
            let rows = try await store.sql.select().columns("id", "name", "amount", "content").from("probe").orderBy("id", .descending)
                .all()
            #expect(rows.count == names.count + 1)
            for (index, name) in names.enumerated() {
                #expect(try rows[index].decode(column: "id", as: Int64.self) == Int64.max - Int64(index))
                #expect(try rows[index].decode(column: "name", as: String.self) == name)
                #expect(try rows[index].decode(column: "amount", as: Double.self) == Double(index) + 0.25)
                #expect(try rows[index].decode(column: "content", as: [UInt8].self) == Array("x\(index)".utf8))
            }
            let last = try #require(rows.last)
            #expect(try last.decode(column: "id", as: Int64.self) == Int64.min)
            #expect(try last.decodeNil(column: "name") && last.decodeNil(column: "content"))
            #expect(try last.decode(column: "name", as: String?.self) == nil)
            #expect(!last.contains(column: "absent"))
            #expect(throws: (any Error).self) { try last.decode(column: "absent", as: String.self) }
        }
    }

    @Test func statementsAreNotPreparedAgainForEveryNewValue() async throws {
        try await Self.withStore { store in
            // A partial index whose condition a bound value could match, a filter `column = ?` the
            // index does not serve, and a bound LIMIT: each made SQLite prepare the statement again
            // on every execution before plans were kept independent of bound values.
            try await store.transaction { sql in
                try await sql.raw("CREATE INDEX probe_named ON probe(name, amount) WHERE name <> 'gone'").run()
                for index in 0..<50 {
                    try await sql.raw("INSERT INTO probe (id, name, amount) VALUES (\(bind: index), \(bind: "n\(index)"), 1.5)").run()
                }
            }
            // Creating the index changed the schema: statements kept from before were prepared again once.
            let before = store.statementsPreparedAgain
            for index in 0..<40 {
                let statements: [SQLQueryString] = [
                    "SELECT id FROM probe WHERE name <> \(bind: index.isMultiple(of: 2) ? "gone" : "n1") AND name > \(bind: "n")",
                    "SELECT id FROM probe WHERE id >= \(bind: index) AND amount = \(bind: 1.5)",
                    "SELECT id FROM probe ORDER BY id LIMIT \(bind: index + 1)",
                ]
                for statement in statements {
                    #expect(!(try await store.sql.raw(statement).all()).isEmpty)
                }
            }
            #expect(store.statementsPreparedAgain == before)
        }
    }

    @Test func aViolatedConstraintNamesTheConstraintButNotTheValue() async throws {
        try await Self.withStore { store in
            try await store.transaction { try await $0.insert(into: "probe").columns("name").values(SQLBind("Jens Hansen")).run() }
            let error = await #expect(throws: SQLiteEngineError.self) {
                try await store.transaction { try await $0.insert(into: "probe").columns("name").values(SQLBind("Jens Hansen")).run() }
            }
            #expect(error?.code == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error?.message.contains("probe.name") == true)
            #expect(error.map { "\($0)" }?.contains("Jens") == false)
        }
    }

    @Test func aSecondStatementInOneCallIsRefusedAndNotRun() async throws {
        try await Self.withStore { store in
            await #expect(throws: SQLiteEngineError.self) {
                try await store.transaction { try await $0.raw("INSERT INTO probe (name) VALUES ('a'); DROP TABLE probe").run() }
            }
            let count = try await store.sql.raw("SELECT COUNT(*) AS n FROM probe").first()?.decode(column: "n", as: Int.self)
            #expect(count == 0)
            // A trailing semicolon is one statement.
            try await store.transaction { try await $0.raw("INSERT INTO probe (name) VALUES ('b');  ").run() }
            await #expect(throws: SQLiteEngineError.self) { try await store.sql.raw("SELEC 1").run() }
        }
    }

    @Test func manyDistinctStatementsOutgrowTheCacheAndStillRun() async throws {
        try await Self.withStore { store in
            for n in 0..<600 {
                let row = try await store.sql.raw("SELECT \(unsafeRaw: String(n)) + \(bind: 1) AS value").first()
                #expect(try row?.decode(column: "value", as: Int.self) == n + 1)
            }
        }
    }

    @Test func concurrentReadersEachGetTheirOwnRows() async throws {
        try await Self.withStore { store in
            try await store.transaction { sql in
                for n in 0..<50 { try await sql.insert(into: "probe").columns("id", "name").values(SQLBind(n), SQLBind("n\(n)")).run() }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 0..<400 {
                    group.addTask {
                        let id = n % 50
                        let rows = try await store.sql.select().column("name").from("probe").where("id", .equal, id).all()
                        #expect(try rows.map { try $0.decode(column: "name", as: String.self) } == ["n\(id)"])
                    }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func aClosedStoreRefusesStatements() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-store-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await SQLiteStore.open(path: path, logger: Logger(label: "openimi-tests"))
        try await store.close()
        try await store.close()
        await #expect(throws: SQLiteEngineError.self) { try await store.sql.raw("SELECT 1").run() }
        await #expect(throws: SQLiteEngineError.self) { try await store.transaction { try await $0.raw("SELECT 1").run() } }
    }
}
