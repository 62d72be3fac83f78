import Hummingbird
import OpenIMIDomain

extension ConsentError: PresentableError {
    /// Consent records refused or withdrawn.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .invalid(let field): return context.invalid(.unprocessableContent, field, .malformed)
        case .unknownWordingVersion: return context.invalid(.unprocessableContent, "wordingVersion", .notAllowed)
        case .givenInTheFuture: return context.invalid(.unprocessableContent, "givenAt", .malformed)
        case .alreadyWithdrawn:
            return context.simple(
                .conflict, "consent-already-withdrawn", "error.conflict.title", context.catalog.text("error.consentWithdrawn.detail"))
        case .withdrawn:
            return context.simple(
                .conflict, "consent-withdrawn", "error.conflict.title", context.catalog.text("error.consentWithdrawn.detail"))
        case .requestFinished:
            return context.simple(
                .conflict, "request-finished", "error.conflict.title", context.catalog.text("error.stepNotAllowed.detail"))
        case .notFound:
            return context.notFound
        }
    }
}
