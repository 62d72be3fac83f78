import Foundation
import OpenIMIDomain
import SQLKit

/// Corrections made to requests' data for rectification requests, and which authorities applied them.
public struct DataCorrectionRepository: Sendable {
    /// The database or transaction to work in (a transaction for writes).
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Stores `correction` (the old value only as its keyed digest).
    public func insert(_ correction: DataCorrection) async throws {
        try await sql.insert(into: "data_correction")
            .columns(
                "id", "rights_request_id", "request_id", "field", "old_value_digest", "corrected_by", "organisation_id", "corrected_at"
            )
            .values(
                SQLBind(correction.id.uuidString.lowercased()), SQLBind(correction.rightsRequestID.uuidString.lowercased()),
                SQLBind(correction.requestID.uuidString.lowercased()), SQLBind(correction.field.rawValue),
                SQLBind(correction.oldValueDigest), SQLBind(correction.correctedBy.userID.description),
                SQLBind(correction.correctedBy.organisationID.uuidString.lowercased()), SQLBind(correction.correctedAt.epochSeconds)
            ).run()
    }

    /// The corrections other authorities made to requests of authority `organisation` in `areas`
    /// (drafts left out), unapplied first, then newest first.
    public func notices(for organisation: String, areas: Set<String>) async throws -> [CorrectionNotice] {
        let rows = try await sql.raw(
            """
            SELECT c.id, c.request_id, c.field, c.old_value_digest, c.corrected_at, a.applied_at
            FROM data_correction c JOIN information_request r ON r.id = c.request_id
            LEFT JOIN correction_application a ON a.correction_id = c.id AND a.organisation_id = \(bind: organisation)
            WHERE (r.requester_id = \(bind: organisation) OR r.responder_id = \(bind: organisation))
              AND c.organisation_id <> \(bind: organisation) AND r.state <> \(bind: RequestState.draft.rawValue) AND r.legal_area IN (\(binds: areas.sorted()))
            ORDER BY CASE WHEN a.applied_at IS NULL THEN 0 ELSE 1 END, c.corrected_at DESC, c.id
            """
        ).all()
        return try rows.map { row in
            CorrectionNotice(
                id: try row.decodeUUID(column: "id", table: "data_correction"),
                requestID: try row.decodeUUID(column: "request_id", table: "data_correction"),
                field: try row.decode(column: "field", as: CorrectableField.self, table: "data_correction"),
                oldValueDigest: try row.decode(column: "old_value_digest", as: String.self),
                correctedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "corrected_at", as: Int64.self))),
                appliedAt: try row.decode(column: "applied_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) })
        }
    }

    /// Records that `user` of `organisation` applied correction `id` to its own records (once).
    public func recordApplication(of id: UUID, by user: UUID, organisation: UUID, at now: Date) async throws {
        try await sql.insert(into: "correction_application").columns("correction_id", "organisation_id", "applied_by", "applied_at")
            .values(
                SQLBind(id.uuidString.lowercased()), SQLBind(organisation.uuidString.lowercased()), SQLBind(user.uuidString.lowercased()),
                SQLBind(now.epochSeconds)
            ).ignoringConflicts(with: ["correction_id", "organisation_id"]).run()
    }
}
