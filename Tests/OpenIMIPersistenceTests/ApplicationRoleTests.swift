import Foundation
import Logging
import OpenIMIPersistence
import OpenIMITestSupport
import PostgresNIO
import SQLKit
import Testing

/// On PostgreSQL the owner role migrates and the application's role may only add log rows.
@Suite struct ApplicationRoleTests {
    @Test func theApplicationRoleCannotChangeOrRemoveLogRows() async throws {
        guard TestDatabase.kind == .postgresql, case .postgres(let address) = try TestDatabase.freshLocation() else { return }
        let logger = Logger(label: "openimi-tests")
        let role = "openimi_app_\(UInt32.random(in: 0...UInt32.max))"
        let owner = try await DatabaseLocation.postgres(address).open(logger: logger)
        try await owner.closing(logger: logger) {
            try await Migrator(database: owner).migrate()
            try await owner.sql.raw("CREATE ROLE \(ident: role) LOGIN PASSWORD 'app-secret'").run()
            try await ApplicationRoleGrants(owner: owner).grant(to: role, schema: address.schema)
            var appAddress = address
            appAddress.user = role
            appAddress.password = "app-secret"
            let app = try await DatabaseLocation.postgres(appAddress).open(logger: logger)
            try await app.closing(logger: logger) {
                try await app.transaction { sql in
                    try await AccessLog(sql: sql).record(
                        userID: UUID(), organisationID: UUID(), requestID: UUID(), operation: .read, purpose: .read(.api, .getRequest),
                        fields: ["subject"], at: Date())
                }
                // The application's role chains the queue: it may remove queued rows, never chained ones.
                #expect(try await LogSequencer(database: app).integrate() == 1)
                #expect(try await app.sql.raw("SELECT COUNT(*) AS n FROM log_chain").first()?.decode(column: "n", as: Int.self) == 1)
                for statement in [
                    "UPDATE access_log SET purpose = 'forged'", "DELETE FROM access_log", "TRUNCATE access_log",
                    "UPDATE log_chain SET entry_hash = 'x'", "DELETE FROM log_chain", "UPDATE log_checkpoint SET signature = 'x'",
                    "DELETE FROM log_checkpoint", "UPDATE log_subtree SET hash = 'x'", "DELETE FROM log_subtree",
                    "UPDATE log_pending SET entry_id = entry_id", "TRUNCATE log_pending",
                    "ALTER TABLE access_log DISABLE TRIGGER USER",
                    "DROP TRIGGER access_log_append_only ON access_log",
                ] {
                    let error = await #expect(throws: PSQLError.self, "\(statement)") {
                        try await app.transaction { try await $0.raw("\(unsafeRaw: statement)").run() }
                    }
                    // 42501: insufficient privilege; 42501 is also what "must be owner" reports.
                    #expect(error?.serverInfo?[.sqlState] == "42501", "\(statement)")
                }
                // Everything else stays writable.
                try await app.transaction { try await $0.raw("UPDATE legal_area SET code = code").run() }
            }
            try await owner.sql.raw("DROP OWNED BY \(ident: role)").run()
            try await owner.sql.raw("DROP ROLE \(ident: role)").run()
        }
    }
}
