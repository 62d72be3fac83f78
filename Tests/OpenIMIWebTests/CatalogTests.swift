import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import Testing

@testable import OpenIMIWeb

@Suite struct CatalogTests {
    @Test func everyCatalogHasEveryKeyOfEveryOther() throws {
        let catalogs = try Catalogs.bundled()
        #expect(Set(catalogs.languages) == Set(Language.allCases), "every official language of the EEA has a catalog")
        let allKeys = catalogs.byLanguage.values.reduce(into: Set<String>()) { $0.formUnion($1.strings.keys) }
        for (language, catalog) in catalogs.byLanguage {
            let missing = allKeys.subtracting(catalog.strings.keys)
            #expect(missing.isEmpty, "\(language) lacks \(missing.sorted())")
            #expect(catalog.strings.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(language) has empty texts")
        }
    }

    @Test func placeholdersMatchAcrossLanguages() throws {
        let catalogs = try Catalogs.bundled()
        let english = catalogs.catalog(for: .en)
        func placeholders(_ text: String) -> Set<String> {
            Set(
                text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap {
                    $0.split(separator: "}").first.map(String.init)
                })
        }
        for (language, catalog) in catalogs.byLanguage {
            for (key, text) in english.strings {
                #expect(placeholders(catalog.strings[key] ?? "") == placeholders(text), "\(language) \(key)")
            }
        }
    }

    /// Every catalog language has the question sets' and reference data's texts: exactly the
    /// English texts' paths, none empty, and the same placeholders.
    @Test func everyLanguageHasEveryDataTextAndNoOther() throws {
        let translations = try DataTranslations.bundled()
        let english = try DataTranslations.bundledEnglishTexts()
        #expect(english.count > 150)
        for language in try Catalogs.bundled().languages where language != .en {
            let texts = try #require(translations.byLanguage[language], "\(language) has no data translation")
            #expect(Set(texts.keys).subtracting(english.keys).isEmpty, "\(language) has extra keys")
            #expect(
                Set(english.keys).subtracting(texts.keys).isEmpty,
                "\(language) lacks \(Set(english.keys).subtracting(texts.keys).sorted().prefix(5))")
            #expect(texts.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(language) has empty texts")
        }
        #expect(translations.byLanguage[.en] == nil, "English stands in the files themselves")
    }

    /// Each language's `term.<concept>` is its glossary's official wording, and da and sl keep the seeds' terms.
    @Test func catalogTermsFollowTheGlossary() throws {
        let catalogs = try Catalogs.bundled()
        let glossary = try Glossary.bundled()
        for language in catalogs.languages {
            let entries = try #require(glossary.byLanguage[language], "\(language) has no glossary file")
            for (concept, entry) in entries {
                #expect(catalogs.catalog(for: language).strings["term.\(concept.rawValue)"] == entry.term, "\(language) \(concept)")
                #expect(!entry.source.isEmpty, "\(language) \(concept) names no source")
            }
        }
        #expect(glossary.byLanguage[.en]?.count == GlossaryConcept.allCases.count)
        #expect(glossary.byLanguage[.da]?[.dataSubject]?.term == "den berørte person")
        #expect(glossary.byLanguage[.sl]?[.nationalIMICoordinator]?.term == "nacionalni koordinator IMI (NIMIC)")
    }

    @Test func noKeyIsAlsoAGroupOfKeys() throws {
        let keys = Set(try Catalogs.bundled().catalog(for: .en).strings.keys)
        for key in keys {
            #expect(!keys.contains { $0.hasPrefix(key + ".") }, "\(key) is both a text and a group")
        }
    }

    @Test func danishAndSlovenianUseTheSeedTerminology() throws {
        let catalogs = try Catalogs.bundled()
        let danish = catalogs.catalog(for: .da).strings.values.joined(separator: " ")
        let slovenian = catalogs.catalog(for: .sl).strings.values.joined(separator: " ")
        for term in ["myndighed", "IMI-koordinator", "NIMIC", "databeskyttelse"] { #expect(danish.contains(term), "\(term)") }
        for term in ["organ", "nacionalni koordinator IMI", "varstvo", "NIMIC"] {
            #expect(slovenian.lowercased().contains(term.lowercased()), "\(term)")
        }
    }

    /// Templates carry no words of their own: once tags and `{{…}}` are removed, only punctuation is left.
    @Test func templatesHoldNoUntranslatedText() throws {
        let templates = try WebResources.url("Templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) where file.hasSuffix(".mustache") {
            var text = try String(contentsOf: templates.appendingPathComponent(file), encoding: .utf8)
            for pattern in [#"\{\{[^}]*\}\}"#, #"<style[\s\S]*?</style>"#, #"<[^>]*>"#, #"&[a-z]+;"#] {
                text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
            }
            let words = text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }
            #expect(words.isEmpty, "\(file) has literal text: \(words)")
        }
    }
}
