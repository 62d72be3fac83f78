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
            Loads the demo data into a throw-away database (a new schema of --database-url, or a new \
            SQLite file), starts --instances `openimi serve` processes on it on loopback, and runs \
            --cycles draft-to-closed cycles (draft, send, accept, answer, close: 6 API calls each) \
            from --clients keep-alive clients, client n talking to instance n mod --instances, as a \
            load balancer pinning connections would. Prints the rate, stops the instances (each signs \
            its last checkpoint) and verifies the access log. Interrupted (Ctrl-C), it stops the \
            instances and removes the throw-away database before it ends; a second Ctrl-C ends it at once.
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
        // One process serves a SQLite file (docs/operations.md): the cluster locks that order
        // checkpoints across instances exist on PostgreSQL only.
        guard instances == 1 || databaseURL != nil else { throw ValidationError("--instances above 1 needs --database-url") }
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
                count: instances, firstPort: port, databaseURL: Self.childURL(platform.config.database),
                dataDirectory: platform.config.dataDirectory)
            do {
                try await withTaskCancellationHandler {
                    try await Self.measure(cycle, clients: clients, cycles: cycles, over: servers, platform: platform)
                } onCancel: {
                    servers.stop()
                }
            } catch {
                // Interrupted or failed: the servers end before their throw-away database is removed.
                await servers.stopAndWait()
                throw error
            }
        }
    }

    /// Runs the cycles over `servers`, prints the rate and the processor time per cycle, stops the
    /// servers and verifies the access log.
    private static func measure(
        _ cycle: RequestCycle, clients: Int, cycles: Int, over servers: ServerProcesses, platform: Platform
    ) async throws {
        let instances = servers.pids.count
        let port = servers.firstPort
        let targets = (0..<instances).map { BenchmarkClient(host: "127.0.0.1", port: port + $0) }
        for (index, target) in targets.enumerated() { try await servers.waitUntilUp(index, target) }

        let perClient = cycles / clients
        let postgres = platform.database.kind == .postgresql
        let before = Profile(servers: servers.pids, postgres: postgres)
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
        let spent = Profile(servers: servers.pids, postgres: postgres) - before
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let done = perClient * clients
        print(
            String(
                format: "draft-to-closed cycles over %d instance(s) on %@: %d in %.1f s = %.0f cycles/s (%d clients, 6 API calls each)",
                instances, platform.database.kind.rawValue, done, seconds, Double(done) / seconds, clients))
        print(spent.line(cycles: done, seconds: seconds, engine: platform.database.kind))

        await servers.stopAndWait()
        let summary = try await LogVerifier(database: platform.database, identities: try platform.keys.identities()).verify()
        print(
            "Access log verified after the run: \(summary.entries) entries chained, \(summary.queued) queued, \(summary.checkpoints) checkpoints"
        )
    }

    /// The database URL the server processes are given: the throw-away schema (built from the
    /// address, so a schema named in `--database-url` is never the one they use), or the SQLite file.
    static func childURL(_ location: DatabaseLocation) -> String {
        switch location {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let address): address.url
        }
    }

    /// Processor seconds used so far by the servers, the database's processes (every PostgreSQL
    /// process of the machine, by process id, since connections start new ones; SQLite runs inside
    /// the servers) and this process, the load generator.
    struct Profile {
        var servers: Double
        var database: [Int32: Double]
        var generator: Double

        init(servers: [Int32], postgres: Bool) {
            self.servers = ProcessorTime.seconds(of: servers)
            self.database = postgres ? ProcessorTime.postgresSeconds() : [:]
            self.generator = ProcessorTime.seconds(of: getpid()) ?? 0
        }

        /// What was spent between `before` and `after`, as (servers, database, generator) seconds.
        static func - (after: Profile, before: Profile) -> Spent {
            Spent(
                servers: after.servers - before.servers,
                database: ProcessorTime.spent(from: before.database, to: after.database),
                generator: after.generator - before.generator)
        }
    }

    /// Processor seconds spent by each part during the cycles.
    struct Spent {
        let servers: Double
        let database: Double
        let generator: Double

        /// Processor milliseconds per cycle by part, and the rate the machine's cores would allow
        /// if the cycles used nothing but processor time.
        func line(cycles: Int, seconds: Double, engine: DatabaseKind) -> String {
            let per = { (value: Double) in 1_000 * value / Double(max(1, cycles)) }
            let total = servers + database + generator
            let cores = ProcessInfo.processInfo.activeProcessorCount
            return String(
                format: "processor per cycle: servers %.1f ms, database %.1f ms%@, load generator %.1f ms; %.1f ms in all, "
                    + "%.0f %% of %d cores busy; processor-bound limit %.0f cycles/s on %d cores",
                per(servers), per(database), engine == .sqlite ? " (inside the servers)" : "", per(generator), per(total),
                100 * total / (seconds * Double(cores)), cores, Double(cores) * 1_000 / max(per(total), 0.001), cores)
        }
    }
}
