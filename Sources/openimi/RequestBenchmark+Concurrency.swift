import Foundation
import Hummingbird
import Logging

extension RequestBenchmark {
    /// A bare Hummingbird route answering a constant on `port`: the ceiling the same load generator
    /// measures on this machine in the same run.
    static func ceilingServer(port: Int) -> Application<RouterResponder<BasicRequestContext>> {
        let router = Router()
        router.get("/ceiling") { _, _ in "ok" }
        var logger = Logger(label: "ceiling")
        logger.logLevel = .warning
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
    }

    /// Each resource under `settings.connections` concurrent connections for `settings.seconds`:
    /// p50, p99, throughput and its share of the bare route's, the ceiling first.
    func measureConcurrency(client: BenchmarkClient, ceiling: BenchmarkClient, dkToken: String, readable: [String]) async throws {
        let connections = settings.connections
        let duration = Duration.seconds(settings.seconds)
        print(
            "\nresource (\(connections) connections, \(settings.seconds) s each) | connections | p50 ms | p99 ms | req/s | share of ceiling"
                + " | server and load generator ms/answer | PostgreSQL ms/answer"
        )
        let bare = try await LoadGenerator(client: ceiling).run(
            connections: connections, for: duration, path: { _ in "/ceiling" }, headers: [:])
        print(bare.row("bare Hummingbird route (GET /ceiling)", connections: connections, ceiling: nil))
        let api = ["Authorization": "Bearer \(dkToken)"]
        let reads: [(String, @Sendable (Int) -> String, [String: String])] = [
            (
                "public directory search (GET /api/v1/authorities?…)",
                { "/api/v1/authorities?memberState=\(["SI", "DK", "DE"][$0 % 3])&legalArea=professional-qualifications" }, [:]
            ),
            ("public legal areas (GET /api/v1/legal-areas)", { _ in "/api/v1/legal-areas" }, [:]),
            ("inbox resource (GET /api/v1/requests)", { _ in "/api/v1/requests" }, api),
            ("request resource, a logged read (GET /api/v1/requests/{id})", { "/api/v1/requests/\(readable[$0 % readable.count])" }, api),
        ]
        for (label, path, headers) in reads {
            let result = try await LoadGenerator(client: client).run(connections: connections, for: duration, path: path, headers: headers)
            print(result.row(label, connections: connections, ceiling: bare))
        }
    }

    /// A public page read by a few connections, alone and then while `writes` runs (for the first
    /// `settings.seconds` of it): whether a burst of writes stalls the pages that do not write.
    func measurePublicPage(client: BenchmarkClient, during writes: @escaping @Sendable () async throws -> Void) async throws {
        let readers = 4
        let path: @Sendable (Int) -> String = { _ in "/legal-areas" }
        let alone = try await LoadGenerator(client: client).run(connections: readers, for: .seconds(3), path: path, headers: [:])
        print(alone.row("public page (GET /legal-areas), alone", connections: readers, ceiling: nil))
        async let during = LoadGenerator(client: client).run(
            connections: readers, for: .seconds(settings.seconds), path: path, headers: [:])
        try await writes()
        print(
            try await during.row(
                "public page (GET /legal-areas), during the cycles below", connections: readers, ceiling: nil, alone: false))
    }
}
