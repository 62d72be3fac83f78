import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// One field of an alert's content (or of a repository's record) as a form shows it: its label and
/// markers, the kind of input, the value (as typed, after a refusal) and the message beside it.
/// Inputs are named `values.<field>`, the name a refusal gives.
struct AlertFieldInput {
    let name: String
    let label: String
    let required: Bool
    let personal: Bool
    let sensitive: Bool
    let isText: Bool
    let isDate: Bool
    let isChoice: Bool
    let value: String
    let options: [SelectOption]
    let error: String?

    /// The inputs of `template`'s fields with `values`, in `language`, with the messages of `form`.
    static func inputs(
        of template: AlertTemplate, values: [String: String], language: Language, form: FormEcho?
    ) -> [AlertFieldInput] {
        inputs(of: template.fields, values: values, language: language, form: form)
    }

    /// The inputs of `fields` with `values`, in `language`, with the messages of `form`.
    static func inputs(of fields: [AlertField], values: [String: String], language: Language, form: FormEcho?) -> [AlertFieldInput] {
        fields.map { field in
            let name = "values.\(field.id)"
            let value = form?.values[name] ?? values[field.id] ?? ""
            return AlertFieldInput(
                name: name, label: field.title.text(in: language), required: field.required, personal: field.personalData,
                sensitive: field.sensitive, isText: field.kind == .text, isDate: field.kind == .date || field.kind == .decisionDate,
                isChoice: field.kind == .choice, value: value,
                options: field.options.map { SelectOption(code: $0.id, name: $0.text.text(in: language), selected: $0.id == value) },
                error: form?.messages[name])
        }
    }

    /// The content typed into a form of `template`'s fields.
    static func values(of template: AlertTemplate, from fields: FormFields) -> [String: String] {
        values(of: template.fields, from: fields)
    }

    /// The values typed into a form of `fields`.
    static func values(of fields: [AlertField], from form: FormFields) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields {
            if let value = form["values.\(field.id)"], !value.isEmpty { values[field.id] = value }
        }
        return values
    }

    /// The labels of `template`'s inputs, for a refusal's summary.
    static func labels(of template: AlertTemplate, in language: Language) -> [String: String] {
        labels(of: template.fields, in: language)
    }

    /// The labels of the inputs of `fields`, for a refusal's summary.
    static func labels(of fields: [AlertField], in language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: fields.map { ("values.\($0.id)", $0.title.text(in: language)) })
    }
}
