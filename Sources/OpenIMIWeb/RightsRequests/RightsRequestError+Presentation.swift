import Hummingbird
import OpenIMIDomain

extension RightsRequestError: PresentableError {
    /// Entries of the rights register refused.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .invalid(let field): return context.invalid(.unprocessableContent, field, .malformed)
        case .notCorrectable(let field): return context.invalid(.unprocessableContent, "field", field.isEmpty ? .malformed : .notAllowed)
        case .notAnAuthority:
            return context.simple(.forbidden, "forbidden", "error.forbidden.title", context.catalog.text("error.forbidden.detail"))
        case .alreadyHandled:
            return context.simple(
                .conflict, "already-answered", "error.conflict.title", context.catalog.text("error.alreadyAnswered.detail"))
        case .notFound:
            return context.notFound
        case .notTheSender:
            return context.simple(.forbidden, "not-the-sender", "error.forbidden.title", context.catalog.text("rights.alert.notTheSender"))
        }
    }
}
