import ArgumentParser
import Foundation
import OpenIMIApplication

/// `openimi retention run [--as-of DATE]`: applies the retention rules now (or as of a date).
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Block and delete personal data whose retention period ended; flag requests never formally closed.",
        subcommands: [Run.self])

    /// `openimi retention run`.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the retention rules once (the server does it every six hours). Safe to repeat and to run beside a server.")
        @OptionGroup var common: CommonOptions

        @Option(name: .customLong("as-of"), help: "Apply the rules as of this day (YYYY-MM-DD, end of day UTC); default now.")
        var asOf: String?

        func run() async throws {
            var date = Date()
            if let asOf {
                let parser = ISO8601DateFormatter()
                parser.formatOptions = [.withFullDate]
                guard let day = parser.date(from: asOf) else {
                    throw ValidationError("--as-of must be a day as YYYY-MM-DD, got \"\(asOf)\"")
                }
                date = day.addingTimeInterval(86_399)
            }
            let platform = try await Platform.open(config: try common.config())
            let moment = date
            let outcome = try await platform.run {
                try await platform.prepare()
                return try await platform.retention.run(asOf: moment)
            }
            print(
                "Retention as of \(ISO8601DateFormatter().string(from: moment)): \(outcome.blocked) requests blocked, "
                    + "\(outcome.deleted) deleted (with signed receipts), \(outcome.flagged) never closed flagged, "
                    + "\(outcome.deletedAlerts) alerts deleted.")
        }
    }
}
