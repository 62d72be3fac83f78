import Hummingbird
import OpenIMIPersistence

extension EvidenceError: PresentableError {
    /// Evidence or reports that cannot be issued now: 503.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .signingUnavailable:
            return context.simple(
                .serviceUnavailable, "evidence-unavailable", "error.evidenceUnavailable.title",
                context.catalog.text("error.evidenceUnavailable.detail"))
        case .logInconsistent:
            return context.simple(
                .serviceUnavailable, "log-inconsistent", "error.logInconsistent.title", context.catalog.text("error.logInconsistent.detail")
            )
        case .reportUnavailable:
            return context.simple(
                .serviceUnavailable, "report-unavailable", "error.reportUnavailable.title",
                context.catalog.text("error.reportUnavailable.detail"))
        }
    }
}
