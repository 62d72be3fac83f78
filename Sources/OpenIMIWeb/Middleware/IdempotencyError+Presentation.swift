import Hummingbird

extension IdempotencyError: PresentableError {
    /// An Idempotency-Key in use or reused for another request.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .inProgress:
            return context.simple(
                .conflict, "idempotency-in-progress", "error.conflict.title", context.catalog.text("error.idempotencyInProgress.detail"))
        case .keyReused:
            return context.simple(
                .unprocessableContent, "idempotency-key-reused", "error.requestRefused.title",
                context.catalog.text("error.idempotencyReused.detail"))
        case .notRepeatable:
            return context.simple(
                .conflict, "idempotency-key-used", "error.conflict.title", context.catalog.text("error.idempotencyUsed.detail"))
        }
    }
}
