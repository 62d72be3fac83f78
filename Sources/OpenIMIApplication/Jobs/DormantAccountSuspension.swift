import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// Suspends accounts with no sign-in for 90 days (or never used within 90 days of creation) and ends their sessions.
public struct DormantAccountSuspension: ScheduledJob {
    /// The database.
    public let database: any Database
    /// The dormancy period.
    public var rule = DormancyRule()
    public let name = "suspend-dormant-accounts"
    public let interval: TimeInterval = 3600

    /// Creates the job.
    public init(database: any Database) {
        self.database = database
    }

    public func run(now: Date) async throws -> String {
        let cutoff = Int64(rule.cutoff(at: now).timeIntervalSince1970)
        let stamp = Int64(now.timeIntervalSince1970)
        let suspended = try await database.transaction { sql in
            let rows = try await sql.update("user_account").set("status", to: UserStatus.suspended.rawValue).set("updated_at", to: stamp)
                .where("status", .equal, UserStatus.active.rawValue)
                .where(SQLFunction("COALESCE", args: SQLColumn("last_sign_in_at"), SQLColumn("created_at")), .lessThan, SQLBind(cutoff))
                .returning("id").all()
            let ids = try rows.map { try $0.decode(column: "id", as: String.self) }
            if !ids.isEmpty {
                try await sql.update("user_session").set("revoked_at", to: stamp).where("user_id", .in, ids)
                    .where("revoked_at", .is, SQLLiteral.null).run()
            }
            return ids.count
        }
        return "\(suspended) dormant accounts suspended"
    }
}
