import Hummingbird
import OpenIMIDomain

extension CoordinatorQuestionError: PresentableError {
    /// Questions to a national coordinator refused.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .missing(let field): return context.invalid(.unprocessableContent, field, .required)
        case .tooLong(let field, let maximum): return context.invalid(.unprocessableContent, field, .tooLong(maximum: maximum))
        case .noNationalCoordinator:
            return context.simple(
                .unprocessableContent, "no-national-coordinator", "error.requestRefused.title",
                context.catalog.text("error.noNationalCoordinator.detail"))
        case .alreadyAnswered:
            return context.simple(
                .conflict, "already-answered", "error.conflict.title", context.catalog.text("error.alreadyAnswered.detail"))
        case .notFound:
            return context.notFound
        }
    }
}
