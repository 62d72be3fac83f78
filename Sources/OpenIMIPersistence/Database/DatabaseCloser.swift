import ServiceLifecycle

/// A service that waits for graceful shutdown and then closes the database, so that connections
/// are closed after the server (started later, stopped earlier) has finished its last request.
public struct DatabaseCloser: Service {
    /// The database to close.
    public let database: any Database

    /// Creates the service.
    public init(database: any Database) {
        self.database = database
    }

    public func run() async throws {
        try? await gracefulShutdown()
        try await database.close()
    }
}
