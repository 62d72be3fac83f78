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

        /// Answers per second.
        var throughput: Double { Double(latencies.count) / seconds }

        /// A row of the concurrency table, with the throughput as a share of `ceiling`'s.
        func row(_ label: String, connections: Int, ceiling: Result?) -> String {
            let share = ceiling.map { String(format: "%.1f %%", 100 * throughput / $0.throughput) } ?? "—"
            return String(
                format: "%@ | %d | %.1f | %.1f | %.0f | %@", label, connections, latencies.percentile(50), latencies.percentile(99),
                throughput, share)
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
        return Result(
            latencies: latencies, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
