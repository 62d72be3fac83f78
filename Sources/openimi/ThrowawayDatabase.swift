import Foundation
import OpenIMIApplication
import OpenIMIPersistence

/// A database that exists for one benchmark run: a new SQLite file in a data directory of its own
/// in the temporary folder, or a new schema in the PostgreSQL database `databaseURL` names (its keys
/// in such a directory too); all removed afterwards.
enum ThrowawayDatabase {
    /// Opens and prepares the platform on the throw-away database, runs `body` (cancelled when the
    /// process is interrupted), and removes the database whether `body` ends, fails or is cancelled.
    static func run(databaseURL: String?, _ body: @escaping @Sendable (Platform) async throws -> Void) async throws {
        let schema = "bench_\(UInt32.random(in: 0...UInt32.max))"
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("\(schema)-data")
        try FileManager.default.createDirectory(
            at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let location = try postgres(databaseURL, schema: schema)
        let config = AppConfig(database: location, logLevel: .warning, demoCredentialsFile: .some(nil), dataDirectory: dataDirectory.path)
        let platform = try await Platform.open(config: config)
        try await platform.run {
            try await platform.prepare()
            // Removed however the run ends: finished, failed or interrupted (`Interruption`).
            let outcome: Result<Void, any Error>
            do {
                try await Interruption.cancelling { try await body(platform) }
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            if case .postgres = location {
                try await platform.database.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
            }
            try outcome.get()
        }
    }

    /// Schema `schema` of the PostgreSQL database `databaseURL` names; nil for none (SQLite).
    private static func postgres(_ databaseURL: String?, schema: String) throws -> DatabaseLocation? {
        guard let databaseURL, case .postgres(var address) = try DatabaseLocation(url: databaseURL) else { return nil }
        address.schema = schema
        return .postgres(address)
    }
}
