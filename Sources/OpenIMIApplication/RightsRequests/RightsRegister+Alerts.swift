import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// One of the person's alerts as exported to them.
public struct ExportedAlert: Sendable {
    /// What it is.
    public let summary: AlertSummary
    /// The alert with its content, as the authority sees it; nil when its personal data were deleted.
    public let alert: Alert?
}

extension RightsRegister {
    /// The alerts the principal's authority sent or was routed to that concern the person of entry
    /// `id`, found through the blind index; each match logged as a search for the entry.
    public func findAlerts(_ id: UUID, by principal: Principal, now: Date) async throws -> (RightsRequest, [AlertSummary]) {
        let entry = try await entry(id, by: principal)
        let authority = try authority(of: principal)
        let index = try await SubjectIndexRepository.index(in: database, ring: alerts.keys)
        let tokens = SubjectKey.keys(of: entry.subject).map(index.token)
        let found = try await AlertRepository(sql: database.sql, keys: alerts.keys).matching(
            tokens: tokens, commissionInformed: { _ in false }
        )
        .filter { $0.facts.sender == authority || $0.facts.routedTo.contains(authority) }.map(\.summary)
        if !found.isEmpty {
            try await database.transaction { sql in
                let log = AccessLog(sql: sql)
                for match in found {
                    try await log.record(
                        userID: principal.user.id.uuid, organisationID: authority, requestID: match.id.uuid, operation: .search,
                        purpose: purpose(entry), fields: ["subject"], at: now)
                }
            }
        }
        return (entry, found)
    }

    /// The content of every alert of the principal's authority about the person of entry `id`, each
    /// read logged for the entry; deleted ones are listed without content.
    public func exportAlerts(_ id: UUID, by principal: Principal, now: Date) async throws -> [ExportedAlert] {
        let (entry, found) = try await findAlerts(id, by: principal, now: now)
        var exported: [ExportedAlert] = []
        for summary in found {
            guard summary.retentionPhase == .active,
                let alert = try await AlertRepository(sql: database.sql, keys: alerts.keys).find(summary.id)
            else {
                exported.append(ExportedAlert(summary: summary, alert: nil))
                continue
            }
            try await database.transaction { sql in
                try await AccessLog(sql: sql).record(
                    userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: alert.id.uuid,
                    operation: .read, purpose: purpose(entry), fields: AlertService.personalFields,
                    digest: AlertRepository.personalDataDigest(of: alert), at: now)
            }
            exported.append(ExportedAlert(summary: summary, alert: AlertService.asSeen(alert, by: principal)))
        }
        return exported
    }

    /// Erases the personal data of alert `alertID`, processed unlawfully, for erasure entry `id`:
    /// only its sender's register erases (the content is the sender's); its data key is destroyed
    /// for every recipient at once and a signed receipt kept, as at the end of retention.
    public func eraseAlert(_ id: UUID, alert alertID: AlertID, by principal: Principal, now: Date) async throws {
        try requests.evidence.requireSigning()
        let (entry, found) = try await findAlerts(id, by: principal, now: now)
        guard entry.kind == .erasure else { throw RightsRequestError.invalid("kind") }
        guard let summary = found.first(where: { $0.id == alertID }) else { throw AlertError.notFound }
        guard summary.sender == (try authority(of: principal)) else { throw RightsRequestError.notTheSender }
        guard summary.retentionPhase == .active,
            try await AlertRetention(database: database, keys: alerts.keys, signing: retention.signing).delete(
                alertID, at: now, reason: .erasure, by: StepActor(userID: principal.user.id, organisationID: try authority(of: principal)))
        else { throw InformationRequestError.personalDataDeleted }
    }

    /// Corrects personal field `field` of alert `alertID` to `value`, for rectification entry `id`:
    /// only its sender's register corrects; every routed authority sees the new version at once and
    /// is told as of an amendment, the earlier version kept in the alert's history.
    public func correctAlert(
        _ id: UUID, alert alertID: AlertID, field: String, to value: String, by principal: Principal, now: Date
    ) async throws -> Alert {
        try requests.evidence.requireSigning()
        let (entry, found) = try await findAlerts(id, by: principal, now: now)
        guard entry.kind == .rectification else { throw RightsRequestError.invalid("kind") }
        guard let summary = found.first(where: { $0.id == alertID }) else { throw AlertError.notFound }
        guard summary.sender == (try authority(of: principal)) else { throw RightsRequestError.notTheSender }
        guard summary.retentionPhase == .active else { throw InformationRequestError.personalDataDeleted }
        return try await alerts.correct(
            alertID, field: field, to: value, by: principal, purpose: .rightsAction(entry.kind, entry.id, .correct), now: now)
    }
}
