import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

/// What an error needs to present itself: the reader's catalog and the languages on offer.
struct ErrorContext {
    /// The catalog of the reader's language.
    let catalog: Catalog
    /// The languages the platform offers, for "unsupported language" answers.
    let availableLanguages: [Language]

    /// A presentation with a title from the catalog and a detail already translated.
    func simple(_ status: HTTPResponse.Status, _ code: String, _ title: String, _ detail: String) -> ErrorPresentation {
        ErrorPresentation(status: status, code: code, title: catalog.text(title), detail: detail, fieldErrors: [])
    }

    /// An invalid field: the field named, the reason translated, and the field listed in the problem.
    func invalid(_ status: HTTPResponse.Status, _ field: String, _ why: InvalidFieldReason) -> ErrorPresentation {
        let (code, text) = reason(why)
        return ErrorPresentation(
            status: status, code: "invalid-field", title: catalog.text("error.invalidField.title"),
            detail: catalog.text("error.invalidField.detail", ["field": field, "reason": text]),
            fieldErrors: [FieldProblem(field: field, reason: code)])
    }

    /// Not found (404): the same answer whether the thing does not exist or is not the reader's to see.
    var notFound: ErrorPresentation {
        simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
    }

    /// A failure of ours (500); the details stay in the log.
    var internalError: ErrorPresentation {
        simple(.internalServerError, "internal", "error.internal.title", catalog.text("error.internal.detail"))
    }

    /// A language the platform does not offer (400), naming those it does.
    func unsupportedLanguage(_ code: String) -> ErrorPresentation {
        simple(
            .badRequest, "unsupported-language", "error.unsupportedLanguage.title",
            catalog.text(
                "error.unsupportedLanguage.detail", ["code": code, "available": availableLanguages.map(\.rawValue).joined(separator: ", ")])
        )
    }

    private func reason(_ reason: InvalidFieldReason) -> (String, String) {
        switch reason {
        case .required: ("required", catalog.text("error.reason.required"))
        case .tooLong(let maximum): ("too-long", catalog.text("error.reason.tooLong", ["maximum": "\(maximum)"]))
        case .outOfRange(let minimum, let maximum):
            ("out-of-range", catalog.text("error.reason.outOfRange", ["minimum": "\(minimum)", "maximum": "\(maximum)"]))
        case .notAllowed: ("not-allowed", catalog.text("error.reason.notAllowed"))
        case .malformed: ("malformed", catalog.text("error.reason.malformed"))
        }
    }
}
