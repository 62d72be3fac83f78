import SQLKit

/// On PostgreSQL, what the application's role may do once an owner role has migrated: read and
/// write every table, but never change or remove rows of the log, its chain or its checkpoints, and
/// (not owning anything) never drop or alter a table or its triggers.
public struct ApplicationRoleGrants: Sendable {
    /// The tables whose rows the application may only add.
    public static let appendOnlyTables = ["access_log", "log_chain", "log_checkpoint", "log_subtree", "log_cosignature", "log_alarm"]

    /// The owner's connection.
    public let owner: any Database

    /// Grants through `owner`, the role that ran the migrations.
    public init(owner: any Database) {
        self.owner = owner
    }

    /// Gives `role` its rights in `schema` (the owner's current schema when nil).
    public func grant(to role: String, schema: String?) async throws {
        guard owner.kind == .postgresql else { return }
        try await owner.transaction { sql in
            let schemaName: String
            if let schema {
                schemaName = schema
            } else {
                schemaName = try await sql.raw("SELECT CURRENT_SCHEMA AS s").first()?.decode(column: "s", as: String.self) ?? "public"
            }
            let grantee = SQLIdentifier(role)
            let space = SQLIdentifier(schemaName)
            try await sql.raw("GRANT USAGE ON SCHEMA \(space) TO \(grantee)").run()
            try await sql.raw("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(space) TO \(grantee)").run()
            try await sql.raw("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA \(space) TO \(grantee)").run()
            for table in Self.appendOnlyTables {
                try await sql.raw("REVOKE UPDATE, DELETE, TRUNCATE ON \(space).\(SQLIdentifier(table)) FROM \(grantee)").run()
            }
            // The queue's rows leave one by one as they are chained (a trigger checks each), never in bulk.
            try await sql.raw("REVOKE UPDATE, TRUNCATE ON \(space).log_pending FROM \(grantee)").run()
        }
    }
}
