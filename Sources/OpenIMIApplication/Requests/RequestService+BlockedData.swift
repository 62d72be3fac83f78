import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

extension RequestService {
    /// Opens the blocked personal data of request `id` for the local data administrator of an
    /// involved authority, for a data subject's request or as proof of the exchange, with a written
    /// justification; the opening (justification sealed with the request's key) and the read are
    /// recorded in one transaction.
    public func openBlocked(
        _ id: RequestID, _ opening: BlockedDataOpening, by principal: Principal, now: Date
    ) async throws -> (
        request: InformationRequest, attachments: [RequestAttachment]
    ) {
        // Decided on the row its data come with: erasure between a check and the read cannot slip in.
        let found = try await RequestRepository(sql: database.sql, keys: keys).find(id.uuid) { access in
            try authorize(principal, .openBlockedData, on: access)
            switch access.retentionPhase {
            case .blocked: break
            case .active: throw InformationRequestError.personalDataNotBlocked
            case .deleted: throw InformationRequestError.personalDataDeleted
            }
        }
        guard let request = found else { throw InformationRequestError.notFound }
        let keys = keys
        try await database.transaction { sql in
            try await BlockedDataRepository(sql: sql, ring: keys).recordOpening(
                opening, of: id.uuid, by: principal.user.id.uuid, organisation: try principal.actingOrganisationID(), at: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid, operation: .read,
                purpose: .openBlocked(opening.purpose), fields: Self.personalFields,
                digest: RequestRecord.personalDataDigest(of: request), at: now)
        }
        return (request, try await AttachmentRepository(sql: database.sql, keys: keys).list(of: id.uuid))
    }

    /// Asks the policy for `action` on the request behind `access`; a refusal reads as `notFound`
    /// to anyone not involved. Those involved already know the request; anyone else learns nothing.
    func authorize(_ principal: Principal, _ action: AccessAction, on access: RequestAccess) throws {
        do {
            try identity.authorize(principal, action, on: .request(access.involvement, legalArea: access.legalArea, state: access.state))
        } catch {
            guard access.involvement.party(of: principal.organisation) != nil else { throw InformationRequestError.notFound }
            throw error
        }
    }
}
