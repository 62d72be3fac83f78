import Logging
import OpenIMIPersistence

/// Everything the server needs to start, read from flags, then the environment, then defaults.
public struct AppConfig: Sendable {
    /// Address to listen on.
    public var hostname: String
    /// Port to listen on.
    public var port: Int
    /// Where the database is.
    public var database: DatabaseLocation
    /// Least severe level that is logged.
    public var logLevel: Logger.Level
    /// Whether to load the demo coordinators and authorities at start.
    public var seedDemoData: Bool

    /// Creates a configuration; every value has the default a developer machine needs.
    public init(
        hostname: String = "127.0.0.1", port: Int = 8080, database: DatabaseLocation = .embeddedDefault,
        logLevel: Logger.Level = .info, seedDemoData: Bool = false
    ) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.logLevel = logLevel
        self.seedDemoData = seedDemoData
    }

    /// The names of the environment variables, as listed in the README.
    public enum Key: String, CaseIterable, Sendable {
        case hostname = "OPENIMI_HOSTNAME"
        case port = "OPENIMI_PORT"
        case databaseURL = "DATABASE_URL"
        case logLevel = "LOG_LEVEL"
        case demo = "OPENIMI_DEMO"
    }

    /// Resolves each setting from `flags` (set when given on the command line), then `environment`,
    /// then the default; throws naming every setting that is malformed.
    public static func resolve(flags: [Key: String], environment: [String: String]) throws(ConfigurationError) -> AppConfig {
        func value(_ key: Key) -> String? { flags[key] ?? environment[key.rawValue].flatMap { $0.isEmpty ? nil : $0 } }
        var config = AppConfig()
        var problems: [String] = []
        if let hostname = value(.hostname) { config.hostname = hostname }
        if let port = value(.port) {
            if let number = Int(port), (0...65535).contains(number) {
                config.port = number
            } else {
                problems.append("\(Key.port.rawValue) (--port) must be a number from 0 to 65535, got \"\(port)\"")
            }
        }
        if let url = value(.databaseURL) {
            do {
                config.database = try DatabaseLocation(url: url)
            } catch {
                problems.append("\(Key.databaseURL.rawValue) (--database-url): \(error)")
            }
        }
        if let level = value(.logLevel) {
            if let parsed = Logger.Level(rawValue: level.lowercased()) {
                config.logLevel = parsed
            } else {
                problems.append(
                    "\(Key.logLevel.rawValue) must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(level)\""
                )
            }
        }
        if let demo = value(.demo) {
            switch demo.lowercased() {
            case "1", "true", "yes": config.seedDemoData = true
            case "0", "false", "no": config.seedDemoData = false
            default: problems.append("\(Key.demo.rawValue) (--demo) must be true or false, got \"\(demo)\"")
            }
        }
        guard problems.isEmpty else { throw ConfigurationError(problems: problems) }
        return config
    }
}

/// A configuration that cannot be used, with every problem named.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One line per malformed or missing setting.
    public let problems: [String]

    public var description: String {
        "Configuration error:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
