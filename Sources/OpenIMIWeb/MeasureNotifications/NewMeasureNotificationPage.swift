import OpenIMIApplication
import OpenIMIDomain

/// The model of the form that starts a notification.
struct NewMeasureNotificationPage {
    /// A language to choose.
    struct LanguageOption {
        let code: String
        let name: String
        let selected: Bool
    }

    let procedure: String
    let procedureName: String
    let title: String
    let text: String
    let titleError: String?
    let textError: String?
    let languages: [LanguageOption]

    init(procedure: String, names: RequestDirectory, catalog: Catalog, languages: [Language], language: Language, form: FormEcho?) {
        self.procedure = procedure
        procedureName = names.procedureName(procedure)
        title = form?.values["title"] ?? ""
        text = form?.values["text"] ?? ""
        titleError = form?.messages["title"]
        textError = form?.messages["text"]
        let chosen = form?.values["language"] ?? language.rawValue
        self.languages = languages.map {
            LanguageOption(code: $0.rawValue, name: catalog.text("languageName.\($0.rawValue)"), selected: $0.rawValue == chosen)
        }
    }
}
