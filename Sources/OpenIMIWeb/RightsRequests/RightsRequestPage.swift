import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// One rights request: the person, the deadline, the requests found about them with what the
/// entry's kind allows on each, the exports, and the answer.
struct RightsRequestPage {
    struct Match {
        let id: String
        let procedure: String
        let phase: String
        let isActive: Bool
        let isBlocked: Bool
    }

    struct Option {
        let value: String
        let label: String
    }

    let id: String
    let kind: String
    let person: [RequestPage.Labelled]
    let identification: String
    let received: String
    let due: String
    let status: String
    let overdue: Bool
    let isOpen: Bool
    let outcome: String?
    let version: Int
    let matches: [Match]
    let hasMatches: Bool
    /// The alerts found: what each is; erasable through this register only when the authority sent it.
    let alerts: [AlertMatch]
    let hasAlerts: Bool
    let corrects: Bool
    let erases: Bool
    let restricts: Bool
    let fields: [Option]

    /// One alert about the person.
    struct AlertMatch {
        let id: String
        let number: String
        let procedure: String
        let phase: String
        /// Whether this register may erase its content: an erasure entry of the sending authority, data not yet deleted.
        let erasable: Bool
        /// Whether this register may correct it: a rectification entry of the sending authority, data not yet deleted.
        let correctable: Bool
        /// The alert's personal fields, for a correction.
        let fields: [Option]
    }

    init(
        entry: RightsRequest, matches: [SubjectMatch], alerts found: [AlertSummary], alertTemplates: [String: AlertTemplate],
        authority: UUID?,
        names: RequestDirectory, now: Date, catalog: Catalog
    ) {
        id = entry.id.uuidString.lowercased()
        kind = catalog.text("rights.kind.\(entry.kind.rawValue)")
        person = RequestDescription.subject(entry.subject, catalog: catalog)
        identification = entry.identification
        received = entry.receivedOn
        due = entry.dueOn
        status = catalog.text("rights.status.\(entry.status.rawValue)")
        overdue = entry.isOverdue(at: now)
        isOpen = !entry.status.isHandled
        outcome = entry.outcome
        version = entry.version
        self.matches = matches.map {
            Match(
                id: $0.id.uuidString.lowercased(), procedure: names.procedureName($0.procedure),
                phase: catalog.text("subjects.phase.\($0.retentionPhase.rawValue)"), isActive: $0.retentionPhase == .active,
                isBlocked: $0.retentionPhase == .blocked)
        }
        hasMatches = !matches.isEmpty
        alerts = found.map { alert in
            let ours = alert.sender == authority && alert.retentionPhase == .active
            return AlertMatch(
                id: alert.id.description, number: alert.number.description, procedure: names.procedureName(alert.procedure.rawValue),
                phase: catalog.text("subjects.phase.\(alert.retentionPhase.rawValue)"), erasable: ours && entry.kind == .erasure,
                correctable: ours && entry.kind == .rectification && alert.state == .sent,
                fields: (alertTemplates[alert.procedure.rawValue]?.fields ?? []).filter(\.personalData).map {
                    Option(value: $0.id, label: $0.title.text(in: catalog.language))
                })
        }
        hasAlerts = !alerts.isEmpty
        corrects = entry.kind == .rectification
        erases = entry.kind == .erasure
        restricts = entry.kind == .restriction
        fields = CorrectableField.allCases.map { Option(value: $0.rawValue, label: catalog.text("rights.field.\($0.rawValue)")) }
    }
}
