/// A text kept in several languages, such as the name of a legal area.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// The text in each language it exists in.
    public var values: [Language: String]

    /// Creates a localized text from its values.
    public init(_ values: [Language: String]) {
        self.values = values
    }

    /// The text in `language`, falling back to English and then to any language.
    public func text(in language: Language) -> String {
        values[language] ?? values[.en] ?? values.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    /// The languages this text exists in.
    public var languages: Set<Language> { Set(values.keys) }

    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode([String: String].self)
        var values: [Language: String] = [:]
        for (code, text) in raw {
            guard let language = Language(rawValue: code) else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath, debugDescription: "Unknown language code \(code)"))
            }
            values[language] = text
        }
        self.values = values
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) }))
    }
}
