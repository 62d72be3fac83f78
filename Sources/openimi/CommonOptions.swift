import ArgumentParser
import Foundation
import OpenIMIApplication

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("database-url"), help: "sqlite:PATH or postgres://user:password@host:port/database (env DATABASE_URL).")
    var databaseURL: String?

    @Option(
        name: .customLong("data-directory"),
        help: "Where the database, keys and demo credentials are by default (env OPENIMI_DATA_DIRECTORY, default openimi-data).")
    var dataDirectory: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (env LOG_LEVEL).")
    var logLevel: String?

    /// The configuration from these flags, the environment and the defaults; exits naming every problem.
    func config(extra: [AppConfig.Key: String] = [:]) throws -> AppConfig {
        var flags = extra
        if let databaseURL { flags[.databaseURL] = databaseURL }
        if let dataDirectory { flags[.dataDirectory] = dataDirectory }
        if let logLevel { flags[.logLevel] = logLevel }
        do {
            return try AppConfig.resolve(flags: flags, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
