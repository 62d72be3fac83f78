/// Why an idempotent repeat was refused.
enum IdempotencyError: Error {
    /// The first request with this key is still running.
    case inProgress
    /// The key was used with a different request.
    case keyReused
}
