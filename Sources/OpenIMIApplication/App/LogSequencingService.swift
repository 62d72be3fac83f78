import Foundation
import OpenIMIPersistence
import ServiceLifecycle

/// Chains the access-log entries that transactions queued, every quarter second (the last
/// checkpoint at shutdown chains what is left). Every instance runs it; the sequencers of several
/// instances take turns through the chain's lock. An entry thus waits at most about a quarter
/// second, plus the time a batch takes, for its place in the chain.
public struct LogSequencingService: Service {
    /// The platform whose log is sequenced.
    public let platform: Platform
    /// The pause between rounds.
    public var period: Duration = .milliseconds(250)

    /// Creates it from its parts.
    public init(platform: Platform, period: Duration = .milliseconds(250)) {
        self.platform = platform
        self.period = period
    }

    /// Runs until shutdown.
    public func run() async throws {
        await platform.readiness.everyPeriod(period) { await integrate() }
    }

    private func integrate() async {
        do {
            try await LogSequencer(database: platform.database).integrate()
        } catch {
            // The entries stay queued and are chained by the next round; a queue that keeps growing
            // shows in `openimi_access_log_queued` and fails `openimi verify-log --interval`.
            platform.logger.error(
                "Access-log entries not chained", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
        }
    }
}
