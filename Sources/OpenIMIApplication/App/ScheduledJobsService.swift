import Foundation
import OpenIMIPersistence
import ServiceLifecycle

/// Runs the due scheduled jobs every minute while the server runs (first after one minute,
/// when migrations have run); each job's lease in the database keeps several instances from running
/// it at once.
public struct ScheduledJobsService: Service {
    public let platform: Platform
    public var period: Duration = .seconds(60)

    public func run() async throws {
        var wait: Duration = .seconds(60)
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let pause = wait
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { return }
            do {
                try await platform.jobs.runDue(now: platform.clock.now())
            } catch {
                platform.logger.error("Scheduled jobs failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            }
            wait = period
        }
    }

    /// Creates it from its parts.
    public init(platform: Platform, period: Duration = .seconds(60)) {
        self.platform = platform
        self.period = period
    }
}
