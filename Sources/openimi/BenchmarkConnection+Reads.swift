import Foundation

extension BenchmarkConnection {
    /// Times `repetitions` GETs of `path(i)` after 20 untimed ones (warming caches and prepared
    /// statements); any answer but 200 stops the benchmark.
    mutating func timeReads(
        _ path: (Int) -> String, headers: [String: String], repetitions: Int
    ) async throws -> Latencies {
        for i in 0..<20 { _ = try await send("GET", path(i), headers: headers) }
        var latencies = Latencies()
        for i in 0..<repetitions {
            let (status, _) = try await latencies.time { try await send("GET", path(i), headers: headers) }
            guard status == 200 else { throw BenchmarkError.unexpectedStatus(path(i), status) }
        }
        return latencies
    }
}

extension Latencies {
    /// One line of the benchmark's table: `label | p50 | p95 | p99 | max` in milliseconds.
    func row(_ label: String) -> String {
        String(format: "%@ | %.2f | %.2f | %.2f | %.2f", label, percentile(50), percentile(95), percentile(99), maximum)
    }
}
