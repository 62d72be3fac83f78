import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// Every translation catalog that exists, one JSON file per language in `Resources/Translations`.
public struct Catalogs: Sendable {
    /// The catalogs by language.
    public let byLanguage: [Language: Catalog]

    /// Creates the set from loaded catalogs.
    public init(_ catalogs: [Catalog]) {
        self.byLanguage = Dictionary(uniqueKeysWithValues: catalogs.map { ($0.language, $0) })
    }

    /// Loads the catalogs shipped with the module.
    public static func bundled() throws -> Catalogs {
        try Catalogs(directory: ApplicationResources.url("Translations"))
    }

    /// Loads every `<language>.json` in `directory`; a file named after an unknown language is an error.
    public init(directory: URL) throws {
        var catalogs: [Catalog] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
        for file in files {
            let code = String(file.dropLast(".json".count))
            guard let language = Language(rawValue: code) else { throw RegistryError.unsupportedLanguage(code) }
            let strings = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: directory.appendingPathComponent(file)))
            catalogs.append(Catalog(language: language, strings: strings))
        }
        self.init(catalogs)
    }

    /// The languages that have a catalog, sorted by code.
    public var languages: [Language] { byLanguage.keys.sorted() }

    /// The catalog for `language`, or English.
    public func catalog(for language: Language) -> Catalog {
        byLanguage[language] ?? byLanguage[.en] ?? Catalog(language: .en, strings: [:])
    }
}
