import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@Suite struct DatabaseTests {
    @Test func aTransactionThatThrowsWritesNothing() async throws {
        try await TestDatabase.withDatabase { database in
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await database.transaction { sql in
                    try await sql.insert(into: "reference_data_version").columns("name", "version", "loaded_at")
                        .values(SQLBind("probe"), SQLBind("1"), SQLBind(0)).run()
                    throw Abort()
                }
            }
            let rows = try await database.sql.select().column("name").from("reference_data_version").where("name", .equal, "probe").all()
            #expect(rows.isEmpty)
        }
    }

    @Test func concurrentTransactionsCommitTogetherButFailAlone() async throws {
        try await TestDatabase.withDatabase { database in
            struct Abort: Error {}
            // Every third transaction throws after writing; every seventh breaks the primary key
            // with its second statement. Grouped commits must keep exactly the others, and each
            // caller must get its own result.
            let outcomes = await withTaskGroup(of: (Int, Int?).self) { group in
                for i in 0..<90 {
                    group.addTask {
                        let value = try? await database.transaction { sql in
                            try await sql.insert(into: "reference_data_version").columns("name", "version", "loaded_at")
                                .values(SQLBind("probe-\(i)"), SQLBind("1"), SQLBind(i)).run()
                            if i % 7 == 0 {
                                try await sql.insert(into: "reference_data_version").columns("name", "version", "loaded_at")
                                    .values(SQLBind("probe-\(i)"), SQLBind("2"), SQLBind(i)).run()
                            }
                            if i % 3 == 0 { throw Abort() }
                            return i
                        }
                        return (i, value)
                    }
                }
                return await group.reduce(into: [Int: Int?]()) { $0.updateValue($1.1, forKey: $1.0) }
            }
            let kept = Set((0..<90).filter { $0 % 3 != 0 && $0 % 7 != 0 })
            #expect(outcomes.count == 90)
            #expect(outcomes.allSatisfy { i, value in kept.contains(i) ? value == i : value == nil })
            let rows = try await database.sql.select().column("loaded_at").from("reference_data_version")
                .where("name", .like, "probe-%").all().map { try $0.decode(column: "loaded_at", as: Int.self) }
            #expect(Set(rows) == kept && rows.count == kept.count)
        }
    }

    @Test func sqliteRunsInWALModeWithForeignKeys() async throws {
        guard TestDatabase.kind == .sqlite else { return }
        try await TestDatabase.withDatabase { database in
            let mode = try await database.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
            let keys = try await database.transaction { sql in
                try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self)
            }
            #expect(keys == 1)
        }
    }

    @Test func readersCannotWriteOnlyTheWritersTransactionsCan() async throws {
        guard TestDatabase.kind == .sqlite else { return }
        try await TestDatabase.withDatabase { database in
            let before = try await database.sql.raw("SELECT COUNT(*) AS n FROM member_state").first()?.decode(column: "n", as: Int.self)
            for statement in [
                "INSERT INTO member_state (code, position, is_eu_member, official_languages, names) VALUES ('XX', 99, 1, '[]', '{}')",
                "UPDATE member_state SET position = position + 1", "DELETE FROM member_state", "CREATE TABLE intruder (x INTEGER)",
                "PRAGMA query_only=OFF",
            ] {
                // The statement itself is valid: the writer runs it (and rolls it back here).
                await #expect(throws: Rollback.self) {
                    try await database.transaction { sql in
                        try await sql.raw(SQLQueryString(statement)).run()
                        throw Rollback()
                    }
                }
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await database.sql.raw(SQLQueryString(statement)).run()
                    // Even with query_only switched off, the connection was opened read-only.
                    try await database.sql.raw("DELETE FROM member_state").run()
                }
            }
            let after = try await database.sql.raw("SELECT COUNT(*) AS n FROM member_state").first()?.decode(column: "n", as: Int.self)
            #expect(before == after && (after ?? 0) > 0)
        }
    }

    @Test func databaseURLsAreParsedOrRefusedWithAReason() throws {
        #expect(try DatabaseLocation(url: "sqlite:data/openimi.sqlite") == .sqlite(path: "data/openimi.sqlite"))
        guard case .postgres(let address) = try DatabaseLocation(url: "postgres://imi:s%40cret@db.local:5433/openimi?schema=tenant_1")
        else {
            Issue.record("not postgres")
            return
        }
        #expect(address.host == "db.local" && address.port == 5433 && address.user == "imi" && address.password == "s@cret")
        #expect(address.database == "openimi" && address.schema == "tenant_1")
        #expect(!"\(DatabaseLocation.postgres(address))".contains("cret"))
        // Handed to a child process, the address reads back the same, odd characters included.
        var odd = address
        odd.password = "p@ss:w/rd?&=%x%41"
        odd.user = "u@s"
        odd.poolSize = 20
        odd.preparedStatements = 0
        #expect(try DatabaseLocation(url: odd.url) == .postgres(odd))
        odd.schema = nil
        #expect(try DatabaseLocation(url: odd.url) == .postgres(odd))
        #expect(throws: DatabaseLocationError.unsupportedScheme) { try DatabaseLocation(url: "mysql://x@y/z") }
        #expect(throws: DatabaseLocationError.missingDatabaseName) { try DatabaseLocation(url: "postgres://u@h:5432/") }
        #expect(throws: DatabaseLocationError.inMemoryNotSupported) { try DatabaseLocation(url: "sqlite::memory:") }
        #expect(throws: DatabaseLocationError.invalidSchema) { try DatabaseLocation(url: "postgres://u@h/db?schema=a;drop") }
    }

    @Test func sslModeTakesExactlyLibpqsValuesWithTheirMeaning() throws {
        func mode(_ query: String) throws -> PostgresSSLMode? {
            guard case .postgres(let address) = try DatabaseLocation(url: "postgres://u@h/db\(query)") else { return nil }
            return address.sslMode
        }
        #expect(try mode("") == .prefer, "libpq's default")
        for value in ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] {
            #expect(try mode("?sslmode=\(value)")?.rawValue == value)
        }
        #expect(try mode("?sslmode=require")?.requiresTLS == true && mode("?sslmode=verify-full")?.requiresTLS == true)
        #expect(try mode("?sslmode=disable")?.requiresTLS == false && mode("?sslmode=prefer")?.requiresTLS == false)
        for value in ["on", "true", "REQUIRE", "verify_full", "", "required"] {
            #expect(throws: DatabaseLocationError.invalidSSLMode(value), "\(value)") {
                try DatabaseLocation(url: "postgres://u@h/db?sslmode=\(value)")
            }
        }
        #expect("\(DatabaseLocationError.invalidSSLMode("on"))".contains("verify-full"))
    }

    @Test func poolSizeIsBoundedAndDefaultsToTen() throws {
        func pool(_ query: String) throws -> Int? {
            guard case .postgres(let address) = try DatabaseLocation(url: "postgres://u@h/db\(query)") else { return nil }
            return address.poolSize
        }
        #expect(try pool("") == 10 && pool("?pool=2") == 2 && pool("?sslmode=require&pool=40") == 40 && pool("?pool=200") == 200)
        for value in ["0", "1", "-1", "201", "99999999999999999999", "ten", ""] {
            #expect(throws: DatabaseLocationError.invalidPoolSize(value), "\(value)") {
                try DatabaseLocation(url: "postgres://u@h/db?pool=\(value)")
            }
        }
    }

    @Test func preparedStatementsAreBoundedAndCanBeSwitchedOff() throws {
        func prepared(_ query: String) throws -> Int? {
            guard case .postgres(let address) = try DatabaseLocation(url: "postgres://u@h/db\(query)") else { return nil }
            return address.preparedStatements
        }
        #expect(try prepared("") == 512 && prepared("?prepared=0") == 0 && prepared("?pool=4&prepared=4096") == 4_096)
        for value in ["-1", "4097", "99999999999999999999", "all", ""] {
            #expect(throws: DatabaseLocationError.invalidPreparedStatements(value), "\(value)") {
                try DatabaseLocation(url: "postgres://u@h/db?prepared=\(value)")
            }
        }
    }

    /// Thrown to roll a transaction back.
    struct Rollback: Error {}
}
