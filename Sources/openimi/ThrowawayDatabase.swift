import Foundation
import OpenIMIApplication
import OpenIMIPersistence

/// A database that exists for one benchmark run: a new SQLite file in the temporary folder, or a
/// new schema in the PostgreSQL database `databaseURL` names, removed afterwards.
enum ThrowawayDatabase {
    /// Opens and prepares the platform on the throw-away database, runs `body`, and removes the database.
    static func run(databaseURL: String?, _ body: @escaping @Sendable (Platform) async throws -> Void) async throws {
        let schema = "bench_\(UInt32.random(in: 0...UInt32.max))"
        let location: DatabaseLocation
        if let databaseURL, case .postgres(var address) = try DatabaseLocation(url: databaseURL) {
            address.schema = schema
            location = .postgres(address)
        } else {
            location = .sqlite(path: FileManager.default.temporaryDirectory.appendingPathComponent("\(schema).sqlite").path)
        }
        var config = AppConfig(
            database: location, logLevel: .warning,
            secretKeyFile: FileManager.default.temporaryDirectory.appendingPathComponent("\(schema).key").path,
            demoCredentialsFile: .some(nil),
            keyDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("\(schema)-keys").path)
        config.checkpointDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("\(schema)-checkpoints").path
        let platform = try await Platform.open(config: config)
        try await platform.run {
            try await platform.prepare()
            try await body(platform)
            if case .postgres = location {
                try await platform.database.sql.raw("DROP SCHEMA \(unsafeRaw: schema) CASCADE").run()
            }
        }
        if case .sqlite(let path) = location {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        for leftover in ["\(schema).key", "\(schema)-keys", "\(schema)-checkpoints"] {
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent(leftover))
        }
    }
}
