import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// A refused form as the user sent it, for the same page to show again (status 422): what was
/// typed (never a password or the form's token), a summary linking to each field in error, and the
/// message beside each field. Templates read `{{form.values.<field>}}`, `{{form.messages.<field>}}`.
public struct FormEcho: Sendable {
    /// The values typed, by field name.
    let values: [String: String]
    /// The message beside each field in error, by field name.
    let messages: [String: String]
    /// The summary at the top of the page.
    let errors: [FieldError]
    let hasErrors: Bool

    /// Fields never sent back to the browser.
    static let withheld: Set<String> = ["_csrf", "password", "currentPassword", "newPassword", "code"]

    /// The echo of `fields` refused with `error`, labelled from `labels` (field → label); nil when
    /// the error is not the user's to correct (a fault of ours, a page not found, a forbidden step),
    /// which the error page answers as before.
    /// `field` maps a refusal's field to the form's (one question's answer box among several).
    init?(
        _ fields: FormFields, refusedWith error: any Error, formID: String, labels: [String: String], catalog: Catalog,
        languages: [Language], field: (String) -> String = { $0 }
    ) {
        guard let errors = FieldError.of(error, formID: formID, labels: labels, catalog: catalog, languages: languages, field: field)
        else { return nil }
        values = fields.values.filter { !Self.withheld.contains($0.key) }
        messages = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        self.errors = errors
        hasErrors = true
    }
}

extension FieldError {
    /// The fields a refusal names, each with its label and the reason in words (never a field's
    /// code); the form as a whole (`formID`) when it names none; nil for errors that are not the
    /// user's to correct.
    static func of(
        _ error: any Error, formID: String, labels: [String: String], catalog: Catalog, languages: [Language],
        field: (String) -> String = { $0 }
    ) -> [FieldError]? {
        let presentation = ErrorPresentation(error, catalog: catalog, availableLanguages: languages)
        guard [.badRequest, .unprocessableContent, .conflict, .contentTooLarge, .unsupportedMediaType].contains(presentation.status) else {
            return nil
        }
        guard !presentation.fieldErrors.isEmpty else {
            return [FieldError(field: formID, label: presentation.title, message: presentation.detail)]
        }
        let reasons = ["required": "required", "malformed": "malformed", "not-allowed": "notAllowed"]
        return presentation.fieldErrors.map {
            let name = field($0.field)
            return FieldError(
                field: name, label: labels[name] ?? presentation.title,
                message: reasons[$0.reason].map { catalog.text("error.reason.\($0)") } ?? presentation.detail)
        }
    }
}
