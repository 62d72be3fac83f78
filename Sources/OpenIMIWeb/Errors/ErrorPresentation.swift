import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

/// How an error is shown: its status, a stable problem code, and its text in the catalog's language.
struct ErrorPresentation: Sendable {
    /// The HTTP status.
    let status: HTTPResponse.Status
    /// The stable problem code, the last part of the problem type URI.
    let code: String
    /// The translated title.
    let title: String
    /// The translated detail.
    let detail: String
    /// The fields the problem is about, for the form to mark.
    let fieldErrors: [FieldProblem]
    /// Whether this is a failure of ours rather than of the request.
    var isServerFault: Bool { status.code >= 500 }

    /// Presents `error` in `catalog`'s language: errors that know how to present themselves do,
    /// anything else is an internal error whose details stay in the log.
    init(_ error: any Error, catalog: Catalog, availableLanguages: [Language]) {
        let context = ErrorContext(catalog: catalog, availableLanguages: availableLanguages)
        if let presentable = error as? any PresentableError {
            self = presentable.presentation(in: context)
        } else {
            self = context.internalError
        }
    }

    /// A presentation from its parts.
    init(status: HTTPResponse.Status, code: String, title: String, detail: String, fieldErrors: [FieldProblem]) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.fieldErrors = fieldErrors
    }
}

/// One field named in a problem.
struct FieldProblem: Codable, Sendable, Equatable {
    /// The field's name as the form or the JSON body has it.
    let field: String
    /// Why it was refused: required, too-long, malformed, …
    let reason: String
}
