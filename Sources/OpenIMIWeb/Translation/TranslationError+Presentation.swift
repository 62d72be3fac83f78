import Hummingbird
import OpenIMIApplication

extension TranslationError: PresentableError {
    /// Not offered for this text (404, as for a request the reader may not see), or the provider
    /// failed (503): the original is unchanged.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .notOffered:
            return context.simple(
                .notFound, "translation-not-offered", "error.translationNotOffered.title",
                context.catalog.text("error.translationNotOffered.detail"))
        case .unavailable, .misconfigured:
            return context.simple(
                .serviceUnavailable, "translation-unavailable", "error.translationUnavailable.title",
                context.catalog.text("error.translationUnavailable.detail"))
        }
    }
}
