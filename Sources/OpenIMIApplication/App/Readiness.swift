import ServiceLifecycle
import Synchronization

/// Whether the platform has been prepared (migrations applied, reference data loaded): background
/// services that touch the database wait for it, since a server's services start before its
/// `prepare()` has run.
public final class Readiness: Sendable {
    private let prepared = Atomic<Bool>(false)

    /// Starts as not prepared.
    public init() {}

    /// Whether `Platform.prepare()` has finished.
    public var isPrepared: Bool { prepared.load(ordering: .acquiring) }

    /// Records that preparation finished.
    public func markPrepared() {
        prepared.store(true, ordering: .releasing)
    }
}

extension Readiness {
    /// Runs `round` every `period` until shutdown, from the first period after the platform is
    /// prepared: the loop of the background services that keep the database in shape.
    func everyPeriod(_ period: Duration, _ round: @Sendable () async -> Void) async {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: period) }
            guard !Task.isCancelled else { return }
            // Services start before the server prepares the database: nothing to do before.
            guard isPrepared else { continue }
            await round()
        }
    }
}
