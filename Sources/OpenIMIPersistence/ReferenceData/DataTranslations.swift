import Foundation
import OpenIMIDomain

/// The translations of the texts in the data files (question sets, alert templates, member
/// states, legal areas, procedures, citations), one flat `<language>.json` per language in `Resources/DataTranslations`.
///
/// The files themselves hold English only. A translation's keys are the paths of the English
/// texts: the file's name (`questionSets.<procedure>`, `member-states`, `legal-areas`), then each
/// object key, with array items named by their `id`, `code` or `celex`, ending in the text's
/// field, e.g. `questionSets.pq-information-request.sections.identity.questions.name.text`.
/// Adding a language is adding a file; ``englishTexts(of:root:)`` lists the keys it must have.
public struct DataTranslations: Sendable {
    /// The texts by language, then by path.
    public let byLanguage: [Language: [String: String]]

    /// Creates translations from texts by language.
    public init(_ byLanguage: [Language: [String: String]]) {
        self.byLanguage = byLanguage
    }

    /// The translations shipped with the module.
    public static func bundled() throws -> DataTranslations {
        try DataTranslations(directory: Bundle.module.resourceURL!.appendingPathComponent("DataTranslations"))
    }

    /// Reads every `<language>.json` in `directory`; a file named after an unknown language is an error.
    public init(directory: URL) throws {
        var byLanguage: [Language: [String: String]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".json") {
            let code = String(file.dropLast(".json".count))
            guard let language = Language(rawValue: code) else { throw RegistryError.unsupportedLanguage(code) }
            byLanguage[language] = try JSONDecoder().decode(
                [String: String].self, from: Data(contentsOf: directory.appendingPathComponent(file)))
        }
        self.init(byLanguage)
    }

    /// Every English text of the bundled question sets and reference data by its path: the keys
    /// each language's translation must have.
    public static func bundledEnglishTexts() throws -> [String: String] {
        let resources = Bundle.module.resourceURL!
        var texts: [String: String] = [:]
        let questionSets = resources.appendingPathComponent("QuestionSets")
        for file in try FileManager.default.contentsOfDirectory(atPath: questionSets.path) where file.hasSuffix(".json") {
            let data = try Data(contentsOf: questionSets.appendingPathComponent(file))
            texts.merge(try englishTexts(of: data, root: QuestionSetFiles.root(of: file))) { $1 }
        }
        for name in ["member-states", "legal-areas"] {
            let data = try Data(contentsOf: resources.appendingPathComponent("ReferenceData/\(name).json"))
            texts.merge(try englishTexts(of: data, root: name)) { $1 }
        }
        let alertTemplates = resources.appendingPathComponent("AlertTemplates")
        for file in try FileManager.default.contentsOfDirectory(atPath: alertTemplates.path) where file.hasSuffix(".json") {
            let data = try Data(contentsOf: alertTemplates.appendingPathComponent(file))
            texts.merge(try englishTexts(of: data, root: AlertTemplateFiles.root(of: file))) { $1 }
        }
        let repositories = resources.appendingPathComponent("Repositories")
        for file in try FileManager.default.contentsOfDirectory(atPath: repositories.path) where file.hasSuffix(".json") {
            let data = try Data(contentsOf: repositories.appendingPathComponent(file))
            texts.merge(try englishTexts(of: data, root: RepositoryFiles.root(of: file))) { $1 }
        }
        return texts
    }

    /// The English file `data` with every text given its translations, ready to decode.
    func localize(_ data: Data, root: String) throws -> Data {
        let tree = try JSONSerialization.jsonObject(with: data)
        let filled = Self.walk(tree, path: root) { path, english in
            var texts = ["en": english]
            for (language, strings) in byLanguage where language != .en {
                if let text = strings[path] { texts[language.rawValue] = text }
            }
            return texts
        }
        return try JSONSerialization.data(withJSONObject: filled)
    }

    /// Every English text of the file `data` by its path: the keys each translation must have.
    public static func englishTexts(of data: Data, root: String) throws -> [String: String] {
        var texts: [String: String] = [:]
        _ = walk(try JSONSerialization.jsonObject(with: data), path: root) { path, english in
            texts[path] = english
            return ["en": english]
        }
        return texts
    }

    /// Rebuilds `node`, replacing each localized text (an object with only an `en` string) with
    /// what `replace` makes of its path and English text.
    private static func walk(_ node: Any, path: String, replace: (String, String) -> [String: String]) -> Any {
        if let object = node as? [String: Any] {
            if object.count == 1, let english = object["en"] as? String { return replace(path, english) }
            return object.reduce(into: [String: Any]()) { $0[$1.key] = walk($1.value, path: "\(path).\($1.key)", replace: replace) }
        }
        if let array = node as? [Any] {
            return array.enumerated().map { index, item in
                let object = item as? [String: Any]
                let name = ["id", "code", "celex"].lazy.compactMap { object?[$0] as? String }.first ?? String(index)
                return walk(item, path: "\(path).\(name)", replace: replace)
            }
        }
        return node
    }
}
