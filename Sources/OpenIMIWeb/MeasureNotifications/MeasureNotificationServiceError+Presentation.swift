import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

extension MeasureNotificationServiceError: PresentableError {
    /// A notification that is not there for the reader (404), a field empty or too long or no
    /// member state chosen (422, naming the field), a step the rules refuse (422), a change that
    /// came second (409).
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .notFound:
            return context.notFound
        case .notANotificationProcedure:
            return context.invalid(.unprocessableContent, "procedure", .notAllowed)
        case .content(.missing(let field)):
            return context.invalid(.unprocessableContent, field, .required)
        case .content(.tooLong(let field)):
            return context.invalid(
                .unprocessableContent, field,
                .tooLong(maximum: field == "title" ? MeasureNotification.maximumTitleLength : MeasureNotification.maximumTextLength))
        case .content(.recipients):
            return context.invalid(.unprocessableContent, "recipients", .required)
        case .content(.notAllowed):
            return context.simple(
                .unprocessableContent, "notification-refused", "error.notificationRefused.title",
                context.catalog.text("error.notificationRefused.detail"))
        case .conflict:
            return context.simple(
                .conflict, "version-conflict", "error.conflict.title", context.catalog.text("error.notificationConflict.detail"))
        }
    }
}
