import Foundation
import OpenIMIPersistence

/// A task the platform runs on a schedule.
public protocol ScheduledJob: Sendable {
    /// A stable name, the key of its lease.
    var name: String { get }
    /// How often it runs.
    var interval: TimeInterval { get }
    /// Does the work; must be idempotent, since a crash may make it run again.
    func run(now: Date) async throws -> String
}
