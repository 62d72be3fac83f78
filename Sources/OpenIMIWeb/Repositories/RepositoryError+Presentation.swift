import Hummingbird
import OpenIMIApplication

extension RepositoryError: PresentableError {
    /// A repository or record that is not there for the reader (404), a field that may not be
    /// searched or values that do not fit (422, naming the field), a change that came second (409).
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .notFound:
            return context.notFound
        case .notSearchable:
            return context.invalid(.unprocessableContent, "field", .notAllowed)
        case .duplicate(let field):
            return context.invalid(.conflict, "values.\(field)", .notAllowed)
        case .content(let error):
            return error.presentation(in: context)
        case .conflict:
            return context.simple(
                .conflict, "version-conflict", "error.conflict.title", context.catalog.text("error.repositoryConflict.detail"))
        }
    }
}
