import Hummingbird

extension HTTPError: PresentableError {
    /// The router's own errors: 404, 405, 413, other client errors, and everything else as internal.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch status {
        case .notFound:
            return context.notFound
        case .methodNotAllowed:
            return context.simple(
                .methodNotAllowed, "method-not-allowed", "error.methodNotAllowed.title",
                context.catalog.text("error.methodNotAllowed.detail"))
        case .contentTooLarge:
            return context.simple(
                .contentTooLarge, "payload-too-large", "error.payloadTooLarge.title",
                context.catalog.text("error.payloadTooLarge.detail", ["maximum": "\(APILimits.maximumBodyBytes)"]))
        case let status where status.code < 500:
            return context.simple(status, "bad-request", "error.malformedBody.title", context.catalog.text("error.malformedBody.detail"))
        default:
            return context.internalError
        }
    }
}
