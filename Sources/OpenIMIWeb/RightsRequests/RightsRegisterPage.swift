import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The register of rights requests with the form for a new one; overdue entries are marked.
struct RightsRegisterPage {
    struct Row {
        let id: String
        let kind: String
        let received: String
        let due: String
        let status: String
        let overdue: Bool
    }

    struct Option {
        let value: String
        let label: String
        var selected = false
    }

    let entries: [Row]
    let hasEntries: Bool
    let kinds: [Option]
    let languages: [Option]
    let today: String

    init(entries: [RightsRequest], languages: [Language], today: String, now: Date, catalog: Catalog, form: FormEcho? = nil) {
        self.entries = entries.map {
            Row(
                id: $0.id.uuidString.lowercased(), kind: catalog.text("rights.kind.\($0.kind.rawValue)"), received: $0.receivedOn,
                due: $0.dueOn,
                status: catalog.text("rights.status.\($0.status.rawValue)"), overdue: $0.isOverdue(at: now))
        }
        hasEntries = !entries.isEmpty
        kinds = RightsRequestKind.allCases.map {
            Option(value: $0.rawValue, label: catalog.text("rights.kind.\($0.rawValue)"), selected: form?.values["kind"] == $0.rawValue)
        }
        self.languages = languages.map { Option(value: $0.rawValue, label: $0.endonym, selected: form?.values["language"] == $0.rawValue) }
        self.today = form?.values["receivedOn"] ?? today
    }
}

/// A national coordinator's list of its authorities' overdue rights requests.
struct OverdueRightsPage {
    struct Row {
        let authority: String
        let kind: String
        let received: String
        let due: String
    }

    let rows: [Row]
    let hasRows: Bool

    init(overdue: [OverdueRightsRequest], names: RequestDirectory, catalog: Catalog) {
        rows = overdue.map {
            Row(
                authority: UUID(uuidString: $0.authorityID).map(names.name) ?? $0.authorityID, kind: catalog.text("rights.kind.\($0.kind)"),
                received: $0.receivedOn, due: $0.dueOn)
        }
        hasRows = !rows.isEmpty
    }
}

/// The corrections other authorities made to the own authority's requests.
struct CorrectionsPage {
    struct Row {
        let id: String
        let request: String
        let field: String
        let corrected: String
        let applied: String?
    }

    let rows: [Row]
    let hasRows: Bool

    init(corrections: [CorrectionNotice], catalog: Catalog) {
        rows = corrections.map {
            Row(
                id: $0.id.uuidString.lowercased(), request: $0.requestID.uuidString.lowercased(),
                field: catalog.text("rights.field.\($0.field.rawValue)"),
                corrected: DateText.day($0.correctedAt), applied: $0.appliedAt.map(DateText.day))
        }
        hasRows = !rows.isEmpty
    }
}
