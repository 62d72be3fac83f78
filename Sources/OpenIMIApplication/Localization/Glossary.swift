import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The official wording of the recurring legal terms in each language, with where it was found:
/// one `<language>.tsv` per language in `Resources/Glossary` (columns `concept`, `term`,
/// `source_url`). A concept without a row has no official wording found yet; nothing is guessed.
/// The catalogs' `term.<concept>` texts must equal these terms.
public struct Glossary: Sendable {
    /// One term in one language.
    public struct Entry: Sendable, Hashable {
        /// The term, in its base form.
        public let term: String
        /// Where the wording was found.
        public let source: String
    }

    /// The entries by language, then by concept.
    public let byLanguage: [Language: [GlossaryConcept: Entry]]

    /// The glossary shipped with the module.
    public static func bundled() throws -> Glossary {
        try Glossary(directory: ApplicationResources.url("Glossary"))
    }

    /// Reads every `<language>.tsv` in `directory`; an unknown language or concept, or a row that
    /// is not three columns, is an error.
    public init(directory: URL) throws {
        var byLanguage: [Language: [GlossaryConcept: Entry]] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".tsv") {
            let code = String(file.dropLast(".tsv".count))
            guard let language = Language(rawValue: code) else { throw RegistryError.unsupportedLanguage(code) }
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            var entries: [GlossaryConcept: Entry] = [:]
            for line in text.split(whereSeparator: \.isNewline).dropFirst() where !line.isEmpty {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard columns.count == 3, let concept = GlossaryConcept(rawValue: columns[0]), !columns[1].isEmpty else {
                    throw ResourceError.malformed("\(file): \(line)")
                }
                entries[concept] = Entry(term: columns[1], source: columns[2])
            }
            byLanguage[language] = entries
        }
        self.byLanguage = byLanguage
    }
}
