import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// A request's consent records, with the form to record one and a button to withdraw each.
struct ConsentPage {
    struct Row {
        let id: String
        let purpose: String
        let givenBy: String
        let language: String
        let wordingVersion: String
        let given: String
        let withdrawn: String?
        let inForce: Bool
    }

    struct Option {
        let value: String
        let label: String
        let wording: String
        var checked = false
    }

    let id: String
    let records: [Row]
    let hasRecords: Bool
    let purposes: [Option]
    let languages: [SelectOption]
    let wordingVersion = ConsentRule.wordingVersion

    init(id: String, records: [ConsentRecord], languages: [Language], now: Date, catalog: Catalog, form: FormEcho? = nil) {
        self.id = id
        self.records = records.map { record in
            Row(
                id: record.id.uuidString.lowercased(), purpose: catalog.text("consent.purpose.\(record.purpose.rawValue)"),
                givenBy: record.givenBy, language: record.language.endonym, wordingVersion: record.wordingVersion,
                given: DateText.day(record.givenAt), withdrawn: record.withdrawnAt.map(DateText.day), inForce: record.isInForce(at: now))
        }
        hasRecords = !records.isEmpty
        purposes = ConsentPurpose.allCases.map {
            Option(
                value: $0.rawValue, label: catalog.text("consent.purpose.\($0.rawValue)"),
                wording: catalog.text("consent.wording.\($0.rawValue)"), checked: form?.values["purpose"] == $0.rawValue)
        }
        self.languages = languages.map {
            SelectOption(code: $0.rawValue, name: $0.endonym, selected: form?.values["language"] == $0.rawValue)
        }
    }
}
