import Hummingbird
import OpenIMIApplication

extension AlertError: PresentableError {
    /// An alert that is not there for the reader (404), content that does not fit its template
    /// (422, naming the field), a step the rules refuse (422), a change that came second (409),
    /// or data already deleted (410).
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .notFound:
            return context.notFound
        case .step(.content(let error)), .content(let error):
            return error.presentation(in: context)
        case .step(.invalidRecipients):
            return context.invalid(.unprocessableContent, "recipients", .required)
        case .notAnAlertProcedure, .step, .unknownAuthority:
            return context.simple(
                .unprocessableContent, "alert-refused", "error.alertRefused.title", context.catalog.text("error.alertRefused.detail"))
        case .conflict:
            return context.simple(.conflict, "version-conflict", "error.conflict.title", context.catalog.text("error.alertConflict.detail"))
        case .personalDataDeleted:
            return context.simple(
                .gone, "personal-data-deleted", "error.personalDataDeleted.title", context.catalog.text("error.alertDeleted.detail"))
        }
    }
}
