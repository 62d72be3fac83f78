import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// `openimi benchmark requests`: with many requests stored, time the inbox page and the request API
/// resource over HTTP, and drive whole draft-to-closed cycles through the API.
struct RequestBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Time the inbox page, the request resource and whole request cycles over HTTP with many requests stored.",
        discussion: """
            Loads the demo directory and users and --requests synthetic requests between the demo \
            authorities into a throw-away database, starts the server on loopback, and measures with \
            real HTTP requests: the inbox page and GET /api/v1/requests/{id} of the Danish demo \
            authority, one at a time, then --cycles draft-to-closed cycles (draft, send, accept, \
            answer, close) from --clients concurrent clients.
            """)

    @Option(name: .customLong("database-url"), help: "postgres://… to benchmark PostgreSQL; SQLite otherwise.")
    var databaseURL: String?

    @Option(help: "Number of synthetic requests to store.")
    var requests = 300_000

    @Option(help: "Timed requests per measured resource.")
    var repetitions = 500

    @Option(help: "Draft-to-closed cycles to run.")
    var cycles = 1_000

    @Option(help: "Concurrent API clients running cycles.")
    var clients = 8

    @Option(help: "Concurrent connections of the concurrency table (0 leaves it out).")
    var connections = 64

    @Option(help: "Seconds each row of the concurrency table runs.")
    var seconds = 5

    @Option(help: "Loopback port for the server (the bare route for the ceiling listens on the next one).")
    var port = 18_480

    func run() async throws {
        let settings = RequestBenchmark.Settings(
            requests: requests, repetitions: repetitions, cycles: cycles, clients: clients, port: port, connections: connections,
            seconds: seconds)
        try await ThrowawayDatabase.run(databaseURL: databaseURL) { platform in
            try await RequestBenchmark(platform: platform, settings: settings).run()
        }
    }
}
