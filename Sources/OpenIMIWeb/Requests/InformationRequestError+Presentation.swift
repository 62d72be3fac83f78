import Hummingbird
import OpenIMIApplication

extension InformationRequestError: PresentableError {
    /// A request that is not there for the reader (404), changed meanwhile (409), or whose data are blocked or deleted (410).
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .notFound:
            return context.notFound
        case .conflict:
            return context.simple(
                .conflict, "version-conflict", "error.conflict.title", context.catalog.text("error.versionConflict.detail"))
        case .unknownProcedure, .responderNotEligible, .unknownQuestion:
            return context.simple(
                .unprocessableContent, "request-refused", "error.requestRefused.title", context.catalog.text("error.requestRefused.detail"))
        case .personalDataBlocked:
            return context.simple(
                .gone, "personal-data-blocked", "error.personalDataBlocked.title", context.catalog.text("error.personalDataBlocked.detail"))
        case .personalDataNotBlocked:
            return context.simple(
                .conflict, "personal-data-not-blocked", "error.conflict.title", context.catalog.text("error.personalDataNotBlocked.detail"))
        case .personalDataDeleted:
            return context.simple(
                .gone, "personal-data-deleted", "error.personalDataDeleted.title", context.catalog.text("error.personalDataDeleted.detail"))
        }
    }
}
