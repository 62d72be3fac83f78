import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// The form of a new alert: the procedure's fields from its template, with personal and
/// sensitive markers, and the language the text is written in.
struct NewAlertPage {
    let procedure: String
    let procedureName: String
    let inputs: [AlertFieldInput]
    let languages: [SelectOption]
    let hasDecisionDate: Bool

    init(
        procedure: String, template: AlertTemplate, names: RequestDirectory, catalog: Catalog, languages: [Language], language: Language,
        form: FormEcho?
    ) {
        self.procedure = procedure
        procedureName = names.procedureName(procedure)
        inputs = AlertFieldInput.inputs(of: template, values: [:], language: language, form: form)
        let chosen = form?.values["language"] ?? language.rawValue
        self.languages = languages.map {
            SelectOption(code: $0.rawValue, name: catalog.text("languageName.\($0.rawValue)"), selected: $0.rawValue == chosen)
        }
        hasDecisionDate = template.decisionDateField != nil
    }
}
