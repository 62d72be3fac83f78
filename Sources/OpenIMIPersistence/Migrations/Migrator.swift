import Foundation
import SQLKit

/// Applies pending migrations and records each applied version in `schema_migrations`.
///
/// Each migration runs in its own transaction together with its version row, so a failure leaves
/// the schema at the previous version. On PostgreSQL an advisory lock lets several instances start
/// at once: one migrates, the others wait and then find nothing pending.
public struct Migrator: Sendable {
    /// The database to migrate.
    public let database: any Database
    /// The registered migrations.
    public let migrations: [Migration]

    /// Creates a migrator for the registered migrations.
    public init(database: any Database, migrations: [Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies every pending migration; returns the versions applied.
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Int] {
        try await database.prepare()
        try await createVersionTable()
        var applied: [Int] = []
        for migration in migrations {
            let kind = database.kind
            let didApply = try await database.transaction { sql in
                if kind == .postgresql {
                    try await sql.raw("SELECT pg_advisory_xact_lock(7301024)").run()
                }
                let done = try await Self.appliedVersions(sql)
                guard !done.contains(migration.version) else { return false }
                for statement in migration.statements {
                    guard let text = statement.sql(for: kind) else { continue }
                    try await sql.raw("\(unsafeRaw: text)").run()
                }
                try await sql.insert(into: "schema_migrations")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Int64(now.timeIntervalSince1970)))
                    .run()
                return true
            }
            if didApply { applied.append(migration.version) }
        }
        return applied
    }

    /// The registered versions not yet applied.
    public func pendingVersions() async throws -> [Int] {
        let done = try await Self.appliedVersions(database.sql)
        return migrations.map(\.version).filter { !done.contains($0) }
    }

    private func createVersionTable() async throws {
        let kind = database.kind
        try await database.transaction { sql in
            if kind == .postgresql {
                try await sql.raw("SELECT pg_advisory_xact_lock(7301024)").run()
            }
            try await sql.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
            ).run()
        }
    }

    private static func appliedVersions(_ sql: any SQLDatabase) async throws -> Set<Int> {
        let rows = try await sql.select().column("version").from("schema_migrations").all()
        return Set(try rows.map { try $0.decode(column: "version", as: Int.self) })
    }
}
