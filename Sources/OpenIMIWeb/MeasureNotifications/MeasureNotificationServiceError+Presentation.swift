import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

extension MeasureNotificationServiceError: PresentableError {
    /// A notification that is not there for the reader (404), a field empty or too long or no
    /// member state chosen (422, naming the field), a step the rules refuse, a document added to a
    /// sent notification or one too many (422), a change that came second (409).
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
        case .content(.attachmentsFixed):
            return context.simple(
                .unprocessableContent, "attachments-fixed", "error.notificationRefused.title",
                context.catalog.text("error.notificationAttachmentsFixed.detail"))
        case .content(.tooManyAttachments(let maximum)):
            return context.simple(
                .unprocessableContent, "too-many-attachments", "error.notificationRefused.title",
                context.catalog.text("error.attachment.tooMany", ["maximum": "\(maximum)"]))
        case .conflict:
            return context.simple(
                .conflict, "version-conflict", "error.conflict.title", context.catalog.text("error.notificationConflict.detail"))
        }
    }
}
