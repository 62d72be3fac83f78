import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension AlertService {
    /// The alerts that concern any of `searchKeys` (`SubjectKey`s) and whose content the principal
    /// may read, newest first: found through the blind index, each match logged as a search of the
    /// alert's personal data. Lists only what the alert is, never the content.
    public func findSubject(
        anyOf searchKeys: [String], by principal: Principal, purpose: AccessPurpose, now: Date
    ) async throws -> [AlertSummary] {
        guard SubjectSearchScope.maySearch(principal), !searchKeys.isEmpty else { return [] }
        let index = try await SubjectIndexRepository.index(in: database, ring: keys)
        let found = try await AlertRepository(sql: database.sql, keys: keys).matching(
            tokens: searchKeys.map(index.token), commissionInformed: { templates[$0]?.recipients == .chosenStatesAndCommission }
        ).filter { AccessPolicy.decide(principal, .readAlert, on: .alert($0.facts)).isAllowed }.map(\.summary)
        if !found.isEmpty {
            try await database.transaction { sql in
                let log = AccessLog(sql: sql)
                for match in found {
                    try await log.record(
                        userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: match.id.uuid,
                        operation: .search, purpose: purpose, fields: ["subject"], at: now)
                }
            }
        }
        return found
    }
}
