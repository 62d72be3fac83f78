import Hummingbird
import OpenIMIDomain

extension AttachmentError: PresentableError {
    /// An attachment refused for its name, size or type.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .invalidName: return context.invalid(.unprocessableContent, "name", .malformed)
        case .empty: return context.invalid(.unprocessableContent, "file", .required)
        case .tooLarge(let limit):
            return context.simple(
                .contentTooLarge, "attachment-too-large", "error.payloadTooLarge.title",
                context.catalog.text("error.attachment.tooLarge", ["maximum": "\(limit / 1_048_576)"]))
        case .unsupportedType:
            return context.simple(
                .unsupportedMediaType, "unsupported-attachment-type", "error.requestRefused.title",
                context.catalog.text("error.attachment.type"))
        }
    }
}
