import Hummingbird
import OpenIMIDomain

extension RequestStepError: PresentableError {
    /// A step the workflow or the rules refuse: 409 or 422.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .workflow:
            return context.simple(
                .conflict, "step-not-allowed", "error.conflict.title", context.catalog.text("error.stepNotAllowed.detail"))
        case .sensitiveData(let refusal):
            return refusal.presentation(in: context)
        case .invalidAnswer(let question):
            return context.invalid(.unprocessableContent, "answers.\(question)", .malformed)
        case .invalidOpening(let field, let reason):
            return context.invalid(.unprocessableContent, field, reason)
        case .allocationNotAllowed:
            return context.simple(
                .unprocessableContent, "allocation-refused", "error.requestRefused.title", context.catalog.text("error.allocation.detail"))
        default:
            return context.simple(
                .unprocessableContent, "request-refused", "error.requestRefused.title", context.catalog.text("error.requestRefused.detail"))
        }
    }
}
