import Hummingbird
import OpenIMIDomain

extension RegistryError: PresentableError {
    /// Unknown legal areas or member states (404) and unsupported languages (400).
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .unknownLegalArea, .unknownMemberState:
            return context.notFound
        case .unsupportedLanguage(let code):
            return context.unsupportedLanguage(code)
        case .invalidRetentionPeriod:
            return context.internalError
        }
    }
}
