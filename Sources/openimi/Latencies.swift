import Foundation
import OpenIMIApplication

/// Measured durations in milliseconds.
struct Latencies {
    private(set) var milliseconds: [Double] = []

    /// Runs `body` and records how long it took.
    mutating func time<T>(_ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        let result = try await body()
        record(ContinuousClock.now - start)
        return result
    }

    /// Records one measured duration.
    mutating func record(_ elapsed: Duration) {
        milliseconds.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }

    /// The `p`th percentile (nearest rank).
    func percentile(_ p: Double) -> Double {
        let sorted = milliseconds.sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// The longest.
    var maximum: Double { milliseconds.max() ?? 0 }

    /// How many were recorded.
    var count: Int { milliseconds.count }

    /// Adds `other`'s measurements to these.
    mutating func merge(_ other: Latencies) {
        milliseconds += other.milliseconds
    }
}
