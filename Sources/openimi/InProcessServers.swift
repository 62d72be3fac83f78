import Logging
import ServiceLifecycle

/// The HTTP servers a benchmark runs in its own process for the length of its measurements:
/// started together and, whether the measurements ended or failed, shut down gracefully (answers
/// under way are finished, then the listeners close) before the benchmark removes its data.
/// Cancelling them instead logged errors of connections cut off at every end of a run.
enum InProcessServers {
    /// How long a graceful shutdown may take before the servers are cancelled.
    static let shutdownLimit = Duration.seconds(5)

    /// Runs `services` while `body` runs, and returns what `body` returned or throws what it threw
    /// once they have ended.
    static func run<Value: Sendable>(
        _ services: [any Service], logger: Logger, during body: () async throws -> Value
    ) async throws -> Value {
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [], logger: logger))
        let running = Task { try await group.run() }
        let outcome: Result<Value, any Error>
        do {
            outcome = .success(try await body())
        } catch {
            outcome = .failure(error)
        }
        await group.triggerGracefulShutdown()
        let limit = Task {
            try await Task.sleep(for: shutdownLimit)
            running.cancel()
        }
        _ = await running.result
        limit.cancel()
        return try outcome.get()
    }
}
