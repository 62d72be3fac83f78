import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension RequestService {
    /// The corrections other authorities made to the principal's authority's requests in the
    /// principal's areas, unapplied first.
    public func corrections(for principal: Principal) async throws -> [CorrectionNotice] {
        let areas = try await inboxAreas(of: principal)
        guard let organisation = principal.organisation.id.authority?.description else {
            return []
        }
        return try await DataCorrectionRepository(sql: database.sql).notices(for: organisation, areas: areas)
    }

    /// Records that the principal's authority applied correction `id` to its own records.
    public func applyCorrection(_ id: UUID, by principal: Principal, now: Date) async throws -> CorrectionNotice {
        guard let notice = try await corrections(for: principal).first(where: { $0.id == id }) else {
            throw InformationRequestError.notFound
        }
        let request = try await visible(RequestID(notice.requestID), to: principal)
        try identity.authorize(
            principal, .applyCorrection, on: .request(request.involvement, legalArea: request.legalArea.rawValue, state: request.state))
        guard notice.appliedAt == nil else { return notice }
        try await database.transaction { sql in
            try await DataCorrectionRepository(sql: sql).recordApplication(
                of: id, by: principal.user.id.uuid, organisation: try principal.actingOrganisationID(), at: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: notice.requestID,
                operation: .write, purpose: .correctionApplied, fields: ["subject.\(notice.field.rawValue)"], at: now)
        }
        return CorrectionNotice(
            id: notice.id, requestID: notice.requestID, field: notice.field, oldValueDigest: notice.oldValueDigest,
            correctedAt: notice.correctedAt, appliedAt: now)
    }
}
