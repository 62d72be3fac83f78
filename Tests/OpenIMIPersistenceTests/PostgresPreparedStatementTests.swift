import Logging
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIPersistence

/// Statements prepared once per PostgreSQL connection: what is kept, what never is, and what
/// happens when a prepared statement fails. Each test runs on one leased connection, where
/// `pg_prepared_statements` shows what that connection keeps.
@Suite struct PostgresPreparedStatementTests {
    @Test func aTextSeenTwiceIsPreparedOnceAndGivesTheSameRows() async throws {
        try await withSession { sql, texts in
            try await sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY, label TEXT)").run()
            for n in 1...5 {
                try await sql.insert(into: "probe").columns("n", "label").values(SQLBind(n), SQLBind("label \(n)")).run()
            }
            for n in 1...5 {
                let label = try await sql.select().column("label").from("probe").where("n", .equal, SQLBind(n)).first()?
                    .decode(column: "label", as: String.self)
                #expect(label == "label \(n)")
            }
            let kept = try await prepared(on: sql)
            #expect(kept.count == 2)
            #expect(kept.contains { $0.hasPrefix("SELECT \"label\" FROM \"probe\"") })
            #expect(kept.contains { $0.hasPrefix("INSERT INTO \"probe\"") })
            #expect(texts.issued == 2)
        }
    }

    @Test func aStatementThatFailedIsNotRunUnderItsNameAgain() async throws {
        try await withSession { sql, texts in
            let query = sql.select().column("n").from("later").where("n", .equal, SQLBind(1))
            // Seen once (unnamed), then named: both fail, as the table does not exist yet. The
            // connection keeps the failed preparation's error under that name for good.
            for _ in 0..<2 { await #expect(throws: (any Error).self) { try await query.all() } }
            try await sql.raw("CREATE TABLE later (n BIGINT PRIMARY KEY)").run()
            try await sql.raw("INSERT INTO later (n) VALUES (1)").run()
            for _ in 0..<3 { #expect(try await query.all().count == 1) }
            #expect(texts.issued == 2)
            #expect(try await prepared(on: sql).filter { $0.contains("\"later\"") }.count == 1)
        }
    }

    @Test func aNameKeepsWorkingAfterAnErrorOnceItRanAndATextThatNeverRunsEndsUnnamed() async throws {
        try await withSession { sql, texts in
            try await sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY)").run()
            let insert = { @Sendable (n: Int) in try await sql.insert(into: "probe").columns("n").values(SQLBind(n)).run() }
            try await insert(1)
            try await insert(2)
            // Prepared and run on this connection: a duplicate key is the statement's error, not the name's.
            for _ in 0..<5 { await #expect(throws: (any Error).self) { try await insert(2) } }
            try await insert(3)
            #expect(texts.issued == 1)
            // A duplicate key on a name's very first run: no preparation gives that error, so the name stays.
            let raw = { @Sendable (n: Int) in try await sql.raw("INSERT INTO probe (n) VALUES (\(bind: n)) -- raw").run() }
            for _ in 0..<2 { await #expect(throws: (any Error).self) { try await raw(3) } }
            try await raw(4)
            #expect(texts.issued == 2)
            // A text whose preparation always fails is named three times, then runs unnamed.
            let missing = sql.select().column("n").from("missing").where("n", .equal, SQLBind(1))
            for _ in 0..<10 { await #expect(throws: (any Error).self) { try await missing.all() } }
            #expect(texts.issued == 5)
            #expect(try await sql.raw("SELECT count(*) AS c FROM probe").first()?.decode(column: "c", as: Int.self) == 4)
        }
    }

    @Test func aColumnAddedUnderAPreparedSelectIsReadAfresh() async throws {
        try await withSession { sql, texts in
            try await sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY)").run()
            try await sql.raw("INSERT INTO probe (n) VALUES (1)").run()
            for _ in 0..<3 { _ = try await sql.select().column("*").from("probe").all() }
            #expect(texts.issued == 1)
            // As another instance's migration would: the prepared statement's result columns change,
            // which PostgreSQL refuses; outside a transaction the statement runs again, unnamed.
            try await sql.raw("ALTER TABLE probe ADD COLUMN extra TEXT DEFAULT 'added'").run()
            for _ in 0..<3 {
                let row = try await sql.select().column("*").from("probe").first()
                #expect(try row?.decode(column: "extra", as: String.self) == "added")
            }
            #expect(texts.issued == 2)
        }
        #expect(PreparedTexts.mayBeNamed("SELECT count(*) AS c FROM probe"))
        #expect(PreparedTexts.mayBeNamed("\n  with recent AS (SELECT 1) SELECT 2"))
        #expect(PreparedTexts.mayBeNamed("DELETE FROM probe WHERE n = $1"))
        #expect(PreparedTexts.mayBeNamed("SELECT \"probe\".* FROM probe"))
        #expect(!PreparedTexts.mayBeNamed("CREATE TABLE probe (n BIGINT)"))
        #expect(!PreparedTexts.mayBeNamed("ALTER TABLE probe ADD COLUMN m TEXT"))
        #expect(!PreparedTexts.mayBeNamed("BEGIN"))
        #expect(!PreparedTexts.mayBeNamed(""))
    }

    @Test func aTransactionMeetingAChangedTableFailsWholeAndTheNextSucceeds() async throws {
        try await withStore { database, texts in
            try await database.sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY)").run()
            try await database.sql.raw("INSERT INTO probe (n) VALUES (1)").run()
            @Sendable func readAndWrite(_ n: Int) async throws -> Int {
                try await database.transaction { sql in
                    let rows = try await sql.select().column("*").from("probe").all()
                    try await sql.insert(into: "probe").columns("n").values(SQLBind(n)).run()
                    return rows.count
                }
            }
            for n in 2...9 { _ = try await readAndWrite(n) }
            try await database.sql.raw("ALTER TABLE probe ADD COLUMN extra TEXT").run()
            var failed = 0
            for n in 10...19 {
                do { _ = try await readAndWrite(n) } catch { failed += 1 }
            }
            // The first transaction after the change fails, and every text is then renamed, so no
            // connection runs its stale statement again; the failed transaction wrote nothing.
            #expect(failed == 1)
            let count = try await database.sql.raw("SELECT count(*) AS c FROM probe").first()?.decode(column: "c", as: Int.self)
            #expect(count == 19 - failed)
            #expect(try await readAndWrite(20) == 19 - failed)
            #expect(texts.issued >= 2)
        }
    }

    @Test func namesAreBoundedAndTheRestRunUnnamed() async throws {
        try await withSession(limit: 4) { sql, texts in
            try await sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY)").run()
            try await sql.raw("INSERT INTO probe (n) VALUES (7)").run()
            for column in 0..<12 {
                for _ in 0..<3 {
                    let row = try await sql.raw("SELECT n + \(unsafeRaw: String(column)) AS m FROM probe WHERE n = \(bind: 7)").first()
                    #expect(try row?.decode(column: "m", as: Int.self) == 7 + column)
                }
            }
            #expect(texts.issued == 4)
            #expect(try await prepared(on: sql).count == 4)
        }
    }

    @Test func aNullAndAValueInTheSamePlaceShareTheirName() async throws {
        try await withSession { sql, _ in
            try await sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY, label TEXT)").run()
            let insert = { @Sendable (n: Int, label: String?) in
                try await sql.insert(into: "probe").columns("n", "label").values(SQLBind(n), SQLBind(label)).run()
            }
            // Nulls alone: bound as a null of the optional's type (text), as PostgresKit binds them.
            for n in 0..<3 { try await insert(n, nil) }
            #expect(try await prepared(on: sql).filter { $0.hasPrefix("INSERT INTO \"probe\"") }.count == 1)
            for n in 3..<8 { try await insert(n, n.isMultiple(of: 2) ? nil : "odd \(n)") }
            let rows = try await sql.select().column("n").column("label").from("probe").orderBy("n").all()
            let labels = try rows.map { try $0.decode(column: "label", as: String?.self) }
            #expect(labels == (0..<8).map { $0 < 3 || $0.isMultiple(of: 2) ? nil : "odd \($0)" })
            #expect(try await prepared(on: sql).filter { $0.hasPrefix("INSERT INTO \"probe\"") }.count == 1)
        }
    }

    @Test func textsDifferingInTheirDigitsShareEightNamesAndManyValuesRunUnnamed() async throws {
        try await withSession { sql, texts in
            try await sql.raw("CREATE TABLE probe (n BIGINT PRIMARY KEY)").run()
            try await sql.raw("INSERT INTO probe (n) SELECT generate_series(1, 50)").run()
            // As a user paging through the inbox with a new offset each time.
            for offset in 0..<40 {
                for _ in 0..<2 {
                    let rows = try await sql.raw(
                        "SELECT n FROM probe WHERE n > \(bind: 0) ORDER BY n LIMIT 5 OFFSET \(unsafeRaw: String(offset))"
                    ).all()
                    #expect(try rows.first?.decode(column: "n", as: Int.self) == offset + 1)
                }
            }
            #expect(texts.issued == 8)
            // As searches matching ever more rows: lists of every length share the next eight names.
            for length in 1...20 {
                for _ in 0..<2 {
                    let rows = try await sql.select().column("n").from("probe").where("n", .in, Array(1...length)).all()
                    #expect(rows.count == length)
                }
            }
            #expect(texts.issued == 16)
            let many = Array(1...(PreparedTexts.maximumValues + 1))
            for _ in 0..<3 {
                let count = try await sql.raw("SELECT count(*) AS c FROM probe WHERE n IN (\(binds: many))").first()?.decode(
                    column: "c", as: Int.self)
                #expect(count == 50)
            }
            #expect(texts.issued == 16)
        }
    }

    /// Runs `body` on one connection of a fresh PostgreSQL schema whose store issues at most
    /// `limit` names; does nothing on SQLite.
    private func withSession(
        limit: Int = 512, _ body: @escaping @Sendable (any SQLDatabase, PreparedTexts) async throws -> Void
    ) async throws {
        try await withStore(limit: limit) { database, texts in
            try await database.sql.withSession { sql in try await body(sql, texts) }
        }
    }

    /// Runs `body` with a store of two connections on a fresh PostgreSQL schema, issuing at most
    /// `limit` names; does nothing on SQLite.
    private func withStore(
        limit: Int = 512, _ body: @escaping @Sendable (PostgresStore, PreparedTexts) async throws -> Void
    ) async throws {
        guard case .postgres(var address) = try TestDatabase.freshLocation() else { return }
        address.poolSize = 2
        let logger = Logger(label: "openimi-tests")
        let texts = PreparedTexts(limit: limit)
        let database = PostgresStore(address: address, logger: logger, texts: texts)
        try await database.closing(logger: logger) {
            try await database.prepare()
            try await body(database, texts)
        }
    }

    /// The texts the connection behind `sql` keeps prepared under the process's names.
    private func prepared(on sql: any SQLDatabase) async throws -> [String] {
        try await sql.raw("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'openimi%'").all()
            .map { try $0.decode(column: "statement", as: String.self) }
    }
}
