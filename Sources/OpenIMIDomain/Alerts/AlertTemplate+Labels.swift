/// One field of an alert's content as a reader is shown it.
public struct AlertFieldValue: Sendable, Hashable {
    /// The template's field.
    public let field: AlertField
    /// Its title in the reader's language.
    public let label: String
    /// The value: as written, or for a choice the option's text in the reader's language.
    public let text: String
}

extension AlertTemplate {
    /// The fields `values` fills, in the template's order, labelled in `language`.
    public func labelled(_ values: [String: String], in language: Language) -> [AlertFieldValue] {
        Self.labelled(values, fields: fields, in: language)
    }

    /// The fields of `fields` that `values` fills, in order, labelled in `language`.
    public static func labelled(_ values: [String: String], fields: [AlertField], in language: Language) -> [AlertFieldValue] {
        fields.compactMap { field in
            guard let raw = values[field.id] else { return nil }
            let text = field.kind == .choice ? field.options.first { $0.id == raw }?.text.text(in: language) ?? raw : raw
            return AlertFieldValue(field: field, label: field.title.text(in: language), text: text)
        }
    }
}
