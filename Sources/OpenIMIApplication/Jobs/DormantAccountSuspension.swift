import Foundation
import OpenIMIDomain
import OpenIMIPersistence

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
        let cutoff = rule.cutoff(at: now)
        let suspended = try await database.transaction { sql in try await UserRepository(sql: sql).suspendDormant(before: cutoff, at: now) }
        return "\(suspended) dormant accounts suspended"
    }
}
