import Foundation
import Logging
import OpenIMIPersistence

/// Where tests keep their data: a fresh SQLite file per test, or, when `DATABASE_URL` names a
/// PostgreSQL server, a fresh schema on it per test. The same tests run on both.
public enum TestDatabase {
    /// The engine the suite runs against.
    public static var kind: DatabaseKind {
        (try? baseLocation().kind) ?? .sqlite
    }

    /// A new, empty database location for one test.
    public static func freshLocation() throws -> DatabaseLocation {
        let unique = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        switch try baseLocation() {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-tests", isDirectory: true)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return .sqlite(path: directory.appendingPathComponent("t_\(unique).sqlite").path)
        case .postgres(var address):
            address.schema = "t_\(unique)"
            return .postgres(address)
        }
    }

    /// Removes what `location` left on disk (SQLite files); PostgreSQL test schemas live on the
    /// throw-away CI server and go with it.
    public static func remove(_ location: DatabaseLocation) {
        guard case .sqlite(let path) = location else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Opens a fresh, migrated database with reference data, runs `body` while its services run, then cleans up.
    public static func withDatabase<R: Sendable>(
        migrate: Bool = true, _ body: @escaping @Sendable (any Database) async throws -> R
    ) async throws -> R {
        let location = try freshLocation()
        defer { remove(location) }
        let logger = Logger(label: "openimi-tests")
        let database = try await location.open(logger: logger)
        return try await database.closing(logger: logger) {
            if migrate {
                try await Migrator(database: database).migrate()
                try await ReferenceDataLoader(database: database).load(try ReferenceDataFiles.bundled())
            }
            return try await body(database)
        }
    }

    private static func baseLocation() throws -> DatabaseLocation {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty else { return .embeddedDefault }
        return try DatabaseLocation(url: url)
    }
}
