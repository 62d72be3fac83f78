import Foundation
import OpenIMIPersistence
import ServiceLifecycle

/// Folds the inbox tally's changes every second (see ``InboxTally``), so that counting an inbox
/// reads about one row per legal area and state. Every instance runs it; folds on several
/// instances at once are safe.
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
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let pause = period
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            guard !Task.isCancelled else { return }
            // Services start before the server prepares the database: the table may not exist yet.
            guard platform.readiness.isPrepared else { continue }
            do {
                _ = try await platform.database.transaction { try await InboxTally(sql: $0).fold() }
            } catch {
                // Unfolded changes still count; the next round folds them.
                platform.logger.error("Inbox tally not folded", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            }
        }
    }
}
