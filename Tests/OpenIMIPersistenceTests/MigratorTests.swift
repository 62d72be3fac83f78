import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@Suite struct MigratorTests {
    @Test func appliesEveryMigrationOnceAndRecordsItsVersion() async throws {
        try await TestDatabase.withDatabase(migrate: false) { database in
            let migrator = Migrator(database: database)
            #expect(try await migrator.migrate() == Migrations.all.map(\.version))
            #expect(try await migrator.migrate() == [])
            #expect(try await migrator.pendingVersions() == [])
            let rows = try await database.sql.select().column("version").from("schema_migrations").orderBy("version").all()
            #expect(try rows.map { try $0.decode(column: "version", as: Int.self) } == Migrations.all.map(\.version))
        }
    }

    @Test func concurrentMigrationsApplyEachVersionOnce() async throws {
        try await TestDatabase.withDatabase(migrate: false) { database in
            async let first = Migrator(database: database).migrate()
            async let second = Migrator(database: database).migrate()
            let applied = try await first + second
            #expect(applied.sorted() == Migrations.all.map(\.version))
        }
    }

    @Test func versionsAreUniqueAndAscending() {
        let versions = Migrations.all.map(\.version)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count && versions.first == 1)
    }

    @Test func failedMigrationLeavesNothingBehind() async throws {
        try await TestDatabase.withDatabase(migrate: false) { database in
            let broken = Migration(version: 999, name: "broken", statements: ["CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL"])
            await #expect(throws: (any Error).self) { try await Migrator(database: database, migrations: [broken]).migrate() }
            let tables: [String]
            switch database.kind {
            case .sqlite:
                tables = try await database.sql.raw("SELECT name FROM sqlite_master WHERE name = 'half_done'").all().map {
                    try $0.decode(column: "name", as: String.self)
                }
            case .postgresql:
                tables = try await database.sql.raw(
                    "SELECT tablename AS name FROM pg_tables WHERE tablename = 'half_done' AND schemaname = current_schema()"
                ).all().map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(tables.isEmpty)
            #expect(try await Migrator(database: database, migrations: [broken]).pendingVersions() == [999])
        }
    }
}
