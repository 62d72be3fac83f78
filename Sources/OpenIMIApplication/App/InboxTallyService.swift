import Foundation
import OpenIMIPersistence
import ServiceLifecycle

/// Folds the inbox tally's changes every second (see ``InboxTally``), so that counting an inbox
/// reads about one row per legal area and state. Every instance runs it; on PostgreSQL one folds
/// at a time and the others skip the round.
public struct InboxTallyService: Service {
    /// The platform whose tally is folded.
    public let platform: Platform
    /// The pause between folds.
    public var period: Duration = .seconds(1)

    /// Creates it from its parts.
    public init(platform: Platform, period: Duration = .seconds(1)) {
        self.platform = platform
        self.period = period
    }

    /// Runs until shutdown.
    public func run() async throws {
        await platform.readiness.everyPeriod(period) { await fold() }
    }

    private func fold() async {
        do {
            _ = try await platform.database.transaction { try await InboxTally(sql: $0).fold() }
        } catch {
            // Unfolded changes still count; the next round folds them.
            platform.logger.error("Inbox tally not folded", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
        }
    }
}
