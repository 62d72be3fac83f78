import Hummingbird
import OpenIMIApplication

extension SupervisoryExportError: PresentableError {
    /// An export period refused.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .invalidPeriod: return context.invalid(.badRequest, "from", .malformed)
        }
    }
}
