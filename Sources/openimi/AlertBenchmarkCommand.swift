import ArgumentParser
import Foundation
import OpenIMIApplication

/// `openimi benchmark alerts`: with many alerts and requests stored, time the alert lists and the
/// alert resource over HTTP, and sending an alert to every other member state.
struct AlertBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Time alert lists, the alert resource and sending to all 29 other states, with many alerts and requests stored.",
        discussion: """
            Loads the demo directory and users, two synthetic authorities of the professional-qualifications \
            area in each of the 30 member states, --requests synthetic requests and --alerts synthetic \
            alerts (each sent to every other state, most routed and acknowledged there) into a throw-away \
            database, starts the server on loopback and measures with real HTTP requests, one at a time: \
            GET /api/v1/alerts and /alerts for a sender, a routed authority and a coordinator, the request \
            inbox, GET /api/v1/alerts/{id} (a logged read), and --sends drafts sent to all 29 other states \
            with automatic routing set in each.
            """)

    @Option(name: .customLong("database-url"), help: "postgres://… to benchmark PostgreSQL; SQLite otherwise.")
    var databaseURL: String?

    @Option(help: "Number of synthetic alerts to store.")
    var alerts = 100_000

    @Option(help: "Number of synthetic requests to store.")
    var requests = 300_000

    @Option(help: "Timed requests per measured resource.")
    var repetitions = 500

    @Option(help: "Alerts sent to all other states, timed one by one.")
    var sends = 100

    @Option(help: "Loopback port for the server.")
    var port = 18_481

    func run() async throws {
        let settings = AlertBenchmark.Settings(
            alerts: alerts, requests: requests, repetitions: repetitions, sends: sends, port: port)
        try await ThrowawayDatabase.run(databaseURL: databaseURL) { platform in
            try await AlertBenchmark(platform: platform, settings: settings).run()
        }
    }
}
