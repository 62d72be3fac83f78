import Logging

extension DatabaseLocation {
    /// Opens the database this location points to.
    public func open(logger: Logger) async throws -> any Database {
        switch self {
        case .sqlite(let path):
            return try await SQLiteStore.open(path: path, logger: logger)
        case .postgres(let address):
            return PostgresStore(address: address, logger: logger)
        }
    }
}
