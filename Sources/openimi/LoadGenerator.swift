import Foundation

/// Many keep-alive connections each sending one kind of request back to back for a while, as a
/// load generator does: every latency, and the throughput over the whole run.
struct LoadGenerator: Sendable {
    /// What one run measured.
    struct Result {
        /// Every request's latency.
        var latencies: Latencies
        /// The run's length in seconds.
        var seconds: Double
        /// Processor seconds used during the run by this process (the server under test and the
        /// load generator share it) and by PostgreSQL's processes (none on SQLite).
        var processor: (process: Double, database: Double)

        /// Answers per second.
        var throughput: Double { Double(latencies.count) / seconds }

        /// A row of the concurrency table, with the throughput as a share of `ceiling`'s and the
        /// processor each answer cost this process and the database, in milliseconds.
        /// `alone` is false when other work ran beside the run: its processor is then not this row's.
        func row(_ label: String, connections: Int, ceiling: Result?, alone: Bool = true) -> String {
            let share = ceiling.map { String(format: "%.1f %%", 100 * throughput / $0.throughput) } ?? "—"
            let answers = Double(max(1, latencies.count))
            let processor =
                alone
                ? String(format: "%.3f | %.3f", 1_000 * self.processor.process / answers, 1_000 * self.processor.database / answers)
                : "— | —"
            return String(
                format: "%@ | %d | %.1f | %.1f | %.0f | %@ | %@", label, connections, latencies.percentile(50), latencies.percentile(99),
                throughput, share, processor)
        }
    }

    /// The server.
    let client: BenchmarkClient

    /// Sends `method path(i)` from `connections` connections for `duration`; each answer must have
    /// status `expect`. `path` receives a running number, to spread reads over many resources.
    func run(
        connections: Int, for duration: Duration, method: String = "GET", path: @escaping @Sendable (Int) -> String,
        headers: [String: String], body: Data? = nil, expect: Int = 200
    ) async throws -> Result {
        let before = Self.processorSeconds()
        let started = ContinuousClock.now
        let deadline = started + duration
        let latencies = try await withThrowingTaskGroup(of: Latencies.self) { group in
            for first in 0..<connections {
                group.addTask {
                    try await client.withConnection { connection in
                        var latencies = Latencies()
                        var number = first
                        while ContinuousClock.now < deadline {
                            try Task.checkCancellation()
                            let target = path(number)
                            let (status, _) = try await latencies.time {
                                try await connection.send(method, target, headers: headers, body: body)
                            }
                            guard status == expect else { throw BenchmarkError.unexpectedStatus(target, status) }
                            number += connections
                        }
                        return latencies
                    }
                }
            }
            var merged = Latencies()
            for try await latencies in group { merged.merge(latencies) }
            return merged
        }
        let elapsed = ContinuousClock.now - started
        let after = Self.processorSeconds()
        return Result(
            latencies: latencies, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            processor: (after.process - before.process, ProcessorTime.spent(from: before.database, to: after.database)))
    }

    // This process's processor seconds so far, and each PostgreSQL process's.
    private static func processorSeconds() -> (process: Double, database: [Int32: Double]) {
        (ProcessorTime.seconds(of: getpid()) ?? 0, ProcessorTime.postgresSeconds())
    }
}
