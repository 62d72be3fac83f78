import Hummingbird
import OpenIMIDomain

extension RequestDataError: PresentableError {
    /// Missing or malformed request data, and the sensitive-data rules: 422.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .missing(let field): return context.invalid(.unprocessableContent, field, .required)
        case .malformed(let field): return context.invalid(.unprocessableContent, field, .malformed)
        case .justificationRequired:
            return context.simple(
                .unprocessableContent, "justification-required", "error.requestRefused.title",
                context.catalog.text("error.justification.detail"))
        case .sensitiveDataNotAllowed:
            return context.simple(
                .unprocessableContent, "sensitive-data-not-allowed", "error.requestRefused.title",
                context.catalog.text("error.sensitiveNotAllowed.detail"))
        case .consentRequired:
            return context.simple(
                .unprocessableContent, "consent-required", "error.requestRefused.title",
                context.catalog.text("error.consentRequired.detail"))
        }
    }
}
