import Logging
import ServiceLifecycle

extension Database {
    /// Runs `body` while the database's services (the PostgreSQL pool) run, then shuts them down.
    ///
    /// The server runs the services in its own service group; command-line tasks and tests use this.
    public func whileRunning<R: Sendable>(logger: Logger, _ body: @escaping @Sendable () async throws -> R) async throws -> R {
        guard !services.isEmpty else { return try await body() }
        let services = self.services
        return try await withThrowingTaskGroup(of: Void.self) { group in
            let serviceGroup = ServiceGroup(services: services, gracefulShutdownSignals: [], logger: logger)
            group.addTask { try await serviceGroup.run() }
            do {
                let result = try await body()
                await serviceGroup.triggerGracefulShutdown()
                try await group.waitForAll()
                return result
            } catch {
                await serviceGroup.triggerGracefulShutdown()
                throw error
            }
        }
    }
}

extension Database {
    /// Runs `body` while the database's services run, then closes the connections, whether `body`
    /// returned or threw; for command-line tasks and tests that own the database.
    public func closing<R: Sendable>(logger: Logger, _ body: @escaping @Sendable () async throws -> R) async throws -> R {
        try await whileRunning(logger: logger) {
            let result: R
            do {
                result = try await body()
            } catch {
                // The body's error is the one to report; closing must still happen.
                try? await close()
                throw error
            }
            try await close()
            return result
        }
    }
}
