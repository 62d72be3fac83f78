import Foundation
import OpenIMIPersistence
import ServiceLifecycle

/// Signs a checkpoint of the access log every half minute while new entries arrive (so at least
/// every minute), and a last one at shutdown. Every round also re-reads the signing key: while it
/// cannot be read, changes are refused (see ``EvidenceStatus``); once it can, they are allowed again.
public struct LogCheckpointService: Service {
    public let platform: Platform
    public var period: Duration = .seconds(30)

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let pause = period
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
            guard !Task.isCancelled else { return }
            await checkpoint()
            if Task.isShuttingDownGracefully { return }
        }
        // Shutdown began during a round: end with a checkpoint of everything written.
        await checkpoint()
    }

    private func checkpoint() async {
        do {
            try await platform.checkpointer.checkpoint(now: platform.clock.now())
        } catch {
            platform.logger.error(
                "Access-log checkpoint not signed; changes are refused until it can be",
                metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
        }
    }

    /// Creates it from its parts.
    public init(platform: Platform, period: Duration = .seconds(30)) {
        self.platform = platform
        self.period = period
    }
}
