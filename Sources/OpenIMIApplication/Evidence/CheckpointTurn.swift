import Synchronization

/// Lets one checkpoint be signed at a time in this process: each is proved against the last one
/// in the checkpoint file and appended after it, so two at once could append out of order.
public final class CheckpointTurn: Sendable {
    private typealias State = (busy: Bool, waiting: [CheckedContinuation<Void, Never>])
    private let state = Mutex<State>((false, []))

    /// Creates it, free.
    public init() {}

    /// Runs `body` once every earlier turn has ended.
    public func run<R: Sendable>(_ body: () async throws -> R) async throws -> R {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { (state: inout State) -> Bool in
                if state.busy {
                    state.waiting.append(continuation)
                    return false
                }
                state.busy = true
                return true
            }
            if now { continuation.resume() }
        }
        defer {
            let next = state.withLock { (state: inout State) -> CheckedContinuation<Void, Never>? in
                if state.waiting.isEmpty {
                    state.busy = false
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return try await body()
    }
}
