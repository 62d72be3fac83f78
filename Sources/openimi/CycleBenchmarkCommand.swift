import ArgumentParser
import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import Synchronization

/// `openimi benchmark cycles`: draft-to-closed cycles from many clients spread over several
/// `openimi serve` processes on one database, then the log verified.
struct CycleBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycles",
        abstract: "Run draft-to-closed cycles from many clients over several server processes sharing one database.",
        discussion: """
            Loads the demo data into a throw-away database (a new schema of --database-url, or a new \\
            SQLite file), starts --instances `openimi serve` processes on it on loopback, and runs \\
            --cycles draft-to-closed cycles (draft, send, accept, answer, close: 6 API calls each) \\
            from --clients keep-alive clients, client n talking to instance n mod --instances, as a \\
            load balancer pinning connections would. Prints the rate, stops the instances (each signs \\
            its last checkpoint) and verifies the access log.
            """)

    @Option(name: .customLong("database-url"), help: "postgres://… to benchmark PostgreSQL; SQLite otherwise.")
    var databaseURL: String?

    @Option(help: "Server processes sharing the database.")
    var instances = 2

    @Option(help: "Concurrent API clients.")
    var clients = 16

    @Option(help: "Draft-to-closed cycles to run.")
    var cycles = 2_000

    @Option(help: "Loopback port of the first instance; the others listen on the ports after it.")
    var port = 18_490

    func validate() throws {
        guard (1...16).contains(instances) else { throw ValidationError("--instances: 1 to 16") }
        guard (1...256).contains(clients), cycles >= clients else { throw ValidationError("--clients: 1 to 256, at most --cycles") }
    }

    func run() async throws {
        let (instances, clients, cycles, port, databaseURL) = (self.instances, self.clients, self.cycles, self.port, self.databaseURL)
        try await ThrowawayDatabase.run(databaseURL: databaseURL) { platform in
            _ = try await DemoData.bundled().load(into: platform)
            let dk = try await SyntheticLoad.principal("dk.handler", in: platform)
            let si = try await SyntheticLoad.principal("si.handler", in: platform)
            guard let responderID = si.organisation.id.authority?.description else { throw BenchmarkError.missingDemoUser("si.handler") }
            let cycle = RequestCycle(
                requester: try await SyntheticLoad.token(for: dk, in: platform),
                responder: try await SyntheticLoad.token(for: si, in: platform), responderID: responderID,
                procedure: "pq-information-request")
            let servers = try ServerProcesses(
                count: instances, firstPort: port, databaseURL: Self.childURL(databaseURL, platform.config.database),
                dataDirectory: platform.config.dataDirectory)
            defer { servers.stop() }
            let targets = (0..<instances).map { BenchmarkClient(host: "127.0.0.1", port: port + $0) }
            for target in targets { try await servers.waitUntilUp(target) }

            let perClient = cycles / clients
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for client in 0..<clients {
                    group.addTask {
                        try await targets[client % instances].withConnection { connection in
                            for _ in 0..<perClient { try await cycle.run(on: &connection) }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let done = perClient * clients
            print(
                String(
                    format: "draft-to-closed cycles over %d instance(s) on %@: %d in %.1f s = %.0f cycles/s (%d clients, 6 API calls each)",
                    instances, platform.database.kind.rawValue, done, seconds, Double(done) / seconds, clients))

            try await servers.stopAndWait()
            let summary = try await LogVerifier(database: platform.database, identities: try platform.keys.identities()).verify()
            print(
                "Access log verified after the run: \(summary.entries) entries chained, \(summary.queued) queued, \(summary.checkpoints) checkpoints"
            )
        }
    }

    /// The database URL the server processes are given: the throw-away schema of `databaseURL`, or the SQLite file.
    static func childURL(_ databaseURL: String?, _ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let address):
            let base = databaseURL ?? ""
            return base + (base.contains("?") ? "&" : "?") + "schema=\(address.schema ?? "public")"
        }
    }
}
