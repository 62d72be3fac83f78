import Foundation
import OpenIMIDomain

/// The question sets shipped as data files, one `<procedure>.json` per procedure.
public enum QuestionSetFiles {
    /// Every bundled question set, by procedure code.
    public static func bundled() throws -> [String: QuestionSet] {
        try load(directory: Bundle.module.resourceURL!.appendingPathComponent("QuestionSets"), translations: .bundled())
    }

    /// Every `*.json` question set in `directory`, by procedure code, with its texts' translations.
    public static func load(directory: URL, translations: DataTranslations) throws -> [String: QuestionSet] {
        var sets: [String: QuestionSet] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".json") {
            let english = try Data(contentsOf: directory.appendingPathComponent(file))
            let localized = try translations.localize(english, root: root(of: file))
            let set = try JSONDecoder().decode(QuestionSet.self, from: localized)
            sets[set.procedure] = set
        }
        return sets
    }

    /// The path prefix of a question-set file's texts in ``DataTranslations``.
    public static func root(of file: String) -> String { "questionSets.\(file.dropLast(".json".count))" }
}
