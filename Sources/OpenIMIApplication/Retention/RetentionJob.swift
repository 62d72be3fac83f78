import Foundation
import OpenIMIPersistence

/// Runs the retention rules every six hours; leased, so one server at a time does it.
public struct RetentionJob: ScheduledJob {
    /// The run it makes.
    public let retention: RetentionRun
    public let name = "retention"
    public let interval: TimeInterval = 6 * 3600

    /// Creates the job.
    public init(retention: RetentionRun) {
        self.retention = retention
    }

    public func run(now: Date) async throws -> String {
        let outcome = try await retention.run(asOf: now)
        PlatformMetrics.retained(blocked: outcome.blocked, deleted: outcome.deleted, flagged: outcome.flagged)
        return "\(outcome.blocked) requests blocked, \(outcome.deleted) deleted, \(outcome.flagged) unclosed ones flagged"
    }
}
