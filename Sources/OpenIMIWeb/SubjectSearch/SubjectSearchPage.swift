import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The page for finding a person's or business's requests: the form and, after a search, what was found.
struct SubjectSearchPage {
    struct Row {
        let id: String
        let number: String
        let procedure: String
        let state: String
        let phase: String
        let isActive: Bool
        let created: String
    }

    /// One alert found.
    struct AlertRow {
        let href: String
        let number: String
        let procedure: String
        let state: String
        let sent: String
    }

    let searched: Bool
    let results: [Row]
    let hasResults: Bool
    let hasRequests: Bool
    let alerts: [AlertRow]
    let hasAlerts: Bool

    init(matches: [SubjectMatch]?, alerts found: [AlertSummary] = [], names: RequestDirectory?, catalog: Catalog) {
        alerts = found.map {
            AlertRow(
                href: Site.alert.link($0.id.description), number: $0.number.description,
                procedure: names?.procedureName($0.procedure.rawValue) ?? $0.procedure.rawValue,
                state: catalog.text("alertState.\($0.state.rawValue)"), sent: $0.sentAt.map(DateText.day) ?? "—")
        }
        hasAlerts = !alerts.isEmpty
        searched = matches != nil
        results = (matches ?? []).map { match in
            Row(
                id: match.id.uuidString.lowercased(), number: match.number,
                procedure: names?.procedureName(match.procedure) ?? match.procedure,
                state: catalog.text("requestState.\(match.state.rawValue)"),
                phase: catalog.text("subjects.phase.\(match.retentionPhase.rawValue)"),
                isActive: match.retentionPhase == .active, created: DateText.day(match.createdAt))
        }
        hasRequests = !results.isEmpty
        hasResults = hasRequests || hasAlerts
    }
}
