/// Why an idempotent repeat was refused.
enum IdempotencyError: Error {
    /// The first request with this key is still running.
    case inProgress
    /// The key was used with a different request.
    case keyReused
    /// The first request with this key succeeded, but its answer named no resource to read again
    /// and no body is kept, as it may hold personal data.
    case notRepeatable
}
