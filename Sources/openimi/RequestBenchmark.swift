import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMIWeb
import Synchronization

/// The request benchmark proper: data, a server on loopback, and the timed HTTP traffic.
struct RequestBenchmark {
    struct Settings: Sendable {
        let requests: Int
        let repetitions: Int
        let cycles: Int
        let clients: Int
        let port: Int
        /// Concurrent connections of the concurrency table.
        let connections: Int
        /// Seconds each row of the concurrency table runs.
        let seconds: Int
    }

    let platform: Platform
    let settings: Settings

    func run() async throws {
        let database = platform.database
        _ = try await DemoData.bundled().load(into: platform)
        let dk = try await SyntheticLoad.principal("dk.handler", in: platform)
        let si = try await SyntheticLoad.principal("si.handler", in: platform)
        let area: LegalAreaCode = "professional-qualifications"
        let loadStart = ContinuousClock.now
        let (authorityCount, procedure) = try await SyntheticLoad.requests(settings.requests, into: platform)
        // A database in service has planner statistics and, on PostgreSQL, a visibility map kept by
        // autovacuum; one just bulk-loaded has neither until analysed and vacuumed.
        try await database.refreshStatistics()
        print(
            "Stored \(settings.requests) requests between \(authorityCount) authorities in \(database.kind.rawValue) in \(ContinuousClock.now - loadStart)"
        )

        let web = try await SyntheticLoad.token(for: dk, kind: .web, in: platform)
        let dkToken = try await SyntheticLoad.token(for: dk, in: platform)
        let siToken = try await SyntheticLoad.token(for: si, in: platform)
        guard let dkID = dk.organisation.id.authority?.description, let siID = si.organisation.id.authority?.description else {
            throw BenchmarkError.missingDemoUser("an authority's handler")
        }
        let readable = try await database.sql.raw(
            "SELECT id FROM information_request WHERE (requester_id = \(bind: dkID) OR responder_id = \(bind: dkID)) AND state <> 'draft' LIMIT 5000"
        ).all().map { try $0.decode(column: "id", as: String.self) }
        let inboxSize = try await RequestRepository(sql: database.sql, keys: platform.requests.keys).inboxCounts(
            of: dk.organisation, areas: [area.rawValue], states: Set(RequestState.allCases))

        let app = Application(
            router: try await buildRouter(platform: platform).router,
            configuration: .init(address: .hostname("127.0.0.1", port: settings.port), serverName: "OpenIMI"), logger: platform.logger)
        try await InProcessServers.run([app, Self.ceilingServer(port: settings.port + 1)], logger: platform.logger) {
            try await measure(
                client: BenchmarkClient(host: "127.0.0.1", port: settings.port), web: web, dkToken: dkToken, siToken: siToken,
                readable: readable, inboxSize: inboxSize, responderID: siID, procedure: procedure.rawValue)
        }
    }

    /// Times the reads one by one, then runs the cycles from concurrent clients.
    private func measure(
        client: BenchmarkClient, web: String, dkToken: String, siToken: String, readable: [String], inboxSize: [RequestState: Int],
        responderID: String, procedure: String
    ) async throws {
        try await client.waitUntilUp()
        print(
            "Danish authority: \(inboxSize.values.reduce(0, +)) requests, \(inboxSize.filter { !$0.key.isFinal }.values.reduce(0, +)) open")

        print("resource | p50 ms | p95 ms | p99 ms | max ms")
        let reads: [(String, @Sendable (Int) -> String, [String: String])] = [
            ("inbox page (GET /requests)", { _ in "/requests" }, ["Cookie": "openimi_session=\(web)"]),
            ("inbox resource (GET /api/v1/requests)", { _ in "/api/v1/requests" }, ["Authorization": "Bearer \(dkToken)"]),
            ("request page (GET /requests/{id})", { "/requests/\(readable[$0 % readable.count])" }, ["Cookie": "openimi_session=\(web)"]),
            (
                "request resource (GET /api/v1/requests/{id})", { "/api/v1/requests/\(readable[$0 % readable.count])" },
                ["Authorization": "Bearer \(dkToken)"]
            ),
            (
                "signed evidence (GET /api/v1/requests/{id}/evidence)", { "/api/v1/requests/\(readable[$0 % readable.count])/evidence" },
                ["Authorization": "Bearer \(dkToken)"]
            ),
            (
                "signed PDF report (GET /api/v1/requests/{id}/report)", { "/api/v1/requests/\(readable[$0 % readable.count])/report" },
                ["Authorization": "Bearer \(dkToken)", "Accept-Language": "da"]
            ),
        ]
        let repetitions = settings.repetitions
        try await client.withConnection { connection in
            for (label, path, headers) in reads {
                print(try await connection.timeReads(path, headers: headers, repetitions: repetitions).row(label))
            }
            // Finding a person through the blind index, by the identifier every synthetic person carries.
            var search = Latencies()
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<repetitions {
                let body = Data(
                    #"{"kind":"identifier","issuer":"DK","value":"S\#(Int.random(in: 0..<settings.requests, using: &generator))"}"#.utf8)
                let (status, _) = try await search.time {
                    try await connection.send(
                        "POST", "/api/v1/subject-search",
                        headers: ["Authorization": "Bearer \(dkToken)", "Content-Type": "application/json"],
                        body: body)
                }
                guard status == 200 else { throw BenchmarkError.unexpectedStatus("/api/v1/subject-search", status) }
            }
            print(search.row("subject search (POST /api/v1/subject-search)"))
        }

        if settings.connections > 0 {
            let ceiling = BenchmarkClient(host: "127.0.0.1", port: settings.port + 1)
            try await ceiling.waitUntilUp(path: "/ceiling")
            try await measureConcurrency(client: client, ceiling: ceiling, dkToken: dkToken, readable: readable)
        }

        let cycle = RequestCycle(
            requester: dkToken, responder: siToken, responderID: responderID,
            procedure: procedure)
        let perClient = settings.cycles / settings.clients
        let clients = settings.clients
        // From the first cycle's start to the last one's end: the public page read beside them may run longer.
        let timing = Mutex<Duration?>(nil)
        let cycles: @Sendable () async throws -> Void = {
            let start = ContinuousClock.now
            defer { timing.withLock { $0 = ContinuousClock.now - start } }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        try await client.withConnection { connection in
                            for _ in 0..<perClient { try await cycle.run(on: &connection) }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        if settings.connections > 0 {
            try await measurePublicPage(client: client, during: cycles)
        } else {
            try await cycles()
        }
        let elapsed = timing.withLock { $0 } ?? .zero
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let done = perClient * settings.clients
        print(
            String(
                format: "draft-to-closed cycles: %d in %.1f s = %.0f cycles/s (%d clients, 6 API calls each)", done, seconds,
                Double(done) / seconds, settings.clients))
    }
}
