import Hummingbird
import OpenIMIDomain

extension RegistryError: PresentableError {
    /// Unknown legal areas or member states (404) and unsupported languages (400).
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .unknownLegalArea, .unknownMemberState:
            return context.simple(.notFound, "not-found", "error.notFound.title", context.catalog.text("error.notFound.detail"))
        case .unsupportedLanguage(let code):
            return context.simple(
                .badRequest, "unsupported-language", "error.unsupportedLanguage.title",
                context.catalog.text(
                    "error.unsupportedLanguage.detail",
                    ["code": code, "available": context.availableLanguages.map(\.rawValue).joined(separator: ", ")]))
        case .invalidRetentionPeriod:
            return context.simple(.internalServerError, "internal", "error.internal.title", context.catalog.text("error.internal.detail"))
        }
    }
}
