/// Lets one writer at a time through, in arrival order.
///
/// SQLite serialises writers anyway; queueing them here, instead of letting them collide on the
/// file lock, keeps `BEGIN IMMEDIATE` from failing with SQLITE_BUSY under load.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` when no other writer is inside.
    func withPermit<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        if !busy {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
