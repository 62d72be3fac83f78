import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// A correction another authority made to a request the principal's authority takes part in.
public struct CorrectionNotice: Sendable, Hashable {
    /// The correction.
    public let id: UUID
    /// The request corrected.
    public let requestID: UUID
    /// The field.
    public let field: CorrectableField
    /// SHA-256 of the value before.
    public let oldValueDigest: String
    /// When it was corrected.
    public let correctedAt: Date
    /// When the principal's authority applied it to its own records, if it did.
    public let appliedAt: Date?
}

extension RequestService {
    /// The corrections other authorities made to the principal's authority's requests in the
    /// principal's areas, unapplied first.
    public func corrections(for principal: Principal) async throws -> [CorrectionNotice] {
        let areas = try await inboxAreas(of: principal)
        guard let organisation = principal.organisation.id?.uuidString.lowercased(), principal.organisation.kind == .authority else {
            return []
        }
        let rows = try await database.sql.raw(
            """
            SELECT c.id, c.request_id, c.field, c.old_value_digest, c.corrected_at, a.applied_at
            FROM data_correction c JOIN information_request r ON r.id = c.request_id
            LEFT JOIN correction_application a ON a.correction_id = c.id AND a.organisation_id = \(bind: organisation)
            WHERE (r.requester_id = \(bind: organisation) OR r.responder_id = \(bind: organisation))
              AND c.organisation_id <> \(bind: organisation) AND r.state <> \(bind: RequestState.draft.rawValue) AND r.legal_area IN (\(binds: areas.sorted()))
            ORDER BY CASE WHEN a.applied_at IS NULL THEN 0 ELSE 1 END, c.corrected_at DESC, c.id
            """
        ).all()
        return try rows.compactMap { row in
            guard let id = UUID(uuidString: try row.decode(column: "id", as: String.self)),
                let request = UUID(uuidString: try row.decode(column: "request_id", as: String.self)),
                let field = CorrectableField(rawValue: try row.decode(column: "field", as: String.self))
            else { return nil }
            return CorrectionNotice(
                id: id, requestID: request, field: field, oldValueDigest: try row.decode(column: "old_value_digest", as: String.self),
                correctedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "corrected_at", as: Int64.self))),
                appliedAt: try row.decode(column: "applied_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }
    }

    /// Records that the principal's authority applied correction `id` to its own records.
    public func applyCorrection(_ id: UUID, by principal: Principal, now: Date) async throws -> CorrectionNotice {
        guard let notice = try await corrections(for: principal).first(where: { $0.id == id }) else {
            throw InformationRequestError.notFound
        }
        let request = try await visible(notice.requestID, to: principal)
        try identity.authorize(
            principal, .applyCorrection, on: .request(request.involvement, legalArea: request.legalArea, state: request.state))
        guard notice.appliedAt == nil else { return notice }
        try await database.transaction { sql in
            try await sql.insert(into: "correction_application").columns("correction_id", "organisation_id", "applied_by", "applied_at")
                .values(
                    SQLBind(id.uuidString.lowercased()), SQLBind((principal.organisation.id ?? UUID()).uuidString.lowercased()),
                    SQLBind(principal.user.id.uuidString.lowercased()), SQLBind(now.epochSeconds)
                ).ignoringConflicts(with: ["correction_id", "organisation_id"]).run()
            try await AccessLog(sql: sql).record(
                userID: principal.user.id, organisationID: principal.organisation.id ?? UUID(), requestID: notice.requestID,
                operation: .write, purpose: .correctionApplied, fields: ["subject.\(notice.field.rawValue)"], at: now)
        }
        return CorrectionNotice(
            id: notice.id, requestID: notice.requestID, field: notice.field, oldValueDigest: notice.oldValueDigest,
            correctedAt: notice.correctedAt, appliedAt: now)
    }
}
