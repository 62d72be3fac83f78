import Foundation
import OpenIMIDomain
import SQLKit

/// The retention phases of requests: which are due, blocking, deleting personal data, deletion
/// receipts and review flags. Writes run in the caller's transaction.
public struct RetentionRepository: Sendable {
    /// The database or transaction to work in (a transaction for writes).
    public let sql: any SQLDatabase

    /// Works through `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The requests of `legalArea` not yet deleted that were formally closed at or before `closedBefore`, oldest closure first.
    public func closed(in legalArea: String, closedBefore: Date) async throws -> [(id: String, closure: Date, phase: RetentionPhase)] {
        try await sql.select().columns("id", "formal_closure_at", "retention_phase").from("information_request")
            .where("legal_area", .equal, legalArea).where("retention_phase", .notEqual, RetentionPhase.deleted.rawValue)
            .where("formal_closure_at", .isNot, SQLLiteral.null).where("formal_closure_at", .lessThanOrEqual, closedBefore.epochSeconds)
            .orderBy("formal_closure_at").all().map { row in
                (
                    try row.decode(column: "id", as: String.self),
                    Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "formal_closure_at", as: Int64.self))),
                    try row.decode(column: "retention_phase", as: RetentionPhase.self, table: "information_request")
                )
            }
    }

    /// Blocks request `id` if it is still active; false when it was not (another run was first).
    public func block(_ id: String, at date: Date) async throws -> Bool {
        try await !sql.update("information_request").set("retention_phase", to: RetentionPhase.blocked.rawValue)
            .set("blocked_at", to: date.epochSeconds).where("id", .equal, id)
            .where("retention_phase", .equal, RetentionPhase.active.rawValue).returning("id").all().isEmpty
    }

    /// Blocks the draft `id` if it is still an active draft at `version`, for its deletion; false when
    /// it was sent or changed meanwhile.
    public func blockDraft(_ id: String, version: Int, at date: Date) async throws -> Bool {
        try await !sql.update("information_request").set("retention_phase", to: RetentionPhase.blocked.rawValue)
            .set("blocked_at", to: date.epochSeconds).set("version", to: version + 1).set("updated_at", to: date.epochSeconds)
            .where("id", .equal, id).where("version", .equal, version).where("state", .equal, RequestState.draft.rawValue)
            .where("retention_phase", .equal, RetentionPhase.active.rawValue).returning("id").all().isEmpty
    }

    /// Locks the row of request `id` until the transaction ends, so that a run beside this one waits.
    public func lock(_ id: String) async throws {
        try await sql.update("information_request").set("retention_phase", to: SQLColumn("retention_phase")).where("id", .equal, id).run()
    }

    /// Deletes the personal data of request `id`: destroys its data key (false when it is already
    /// gone), empties the sealed columns and step comments and removes its attachments and machine translations.
    public func erasePersonalData(of id: String, at date: Date) async throws -> Bool {
        let destroyed = try await sql.delete(from: "request_data_key").where("request_id", .equal, id).returning("request_id").all()
        guard !destroyed.isEmpty else { return false }
        try await sql.update("information_request").set("personal_data", to: "").set("retention_phase", to: RetentionPhase.deleted.rawValue)
            .set("deleted_at", to: date.epochSeconds).where("id", .equal, id).run()
        try await sql.update("request_step").set("comment", to: SQLLiteral.null).set("comment_language", to: SQLLiteral.null).where(
            "request_id", .equal, id
        ).run()
        try await sql.delete(from: "request_attachment").where("request_id", .equal, id).run()
        try await sql.delete(from: "machine_translation").where("request_id", .equal, id).run()
        return true
    }

    /// Keeps the signed receipt `jws` of the deletion of request `id`.
    public func storeReceipt(of id: String, at date: Date, jws: String, reason: DeletionReason) async throws {
        try await sql.insert(into: "deletion_receipt").columns("request_id", "deleted_at", "receipt", "reason")
            .values(SQLBind(id), SQLBind(date.epochSeconds), SQLBind(jws), SQLBind(reason.rawValue)).run()
    }

    /// Requests not yet deleted whose only legal basis, consent to processing, was withdrawn by `date`.
    public func withdrawnConsentBasis(asOf date: Date) async throws -> [String] {
        try await sql.raw(
            """
            SELECT DISTINCT c.request_id FROM consent_record c JOIN information_request r ON r.id = c.request_id
            WHERE c.purpose = \(bind: ConsentPurpose.processing.rawValue) AND c.withdrawn_at <= \(bind: date.epochSeconds)
              AND r.retention_phase <> \(bind: RetentionPhase.deleted.rawValue)
              AND NOT EXISTS (SELECT 1 FROM consent_record f WHERE f.request_id = c.request_id
                AND f.purpose = \(bind: ConsentPurpose.processing.rawValue) AND f.withdrawn_at IS NULL)
            ORDER BY c.request_id
            """
        ).all().map { try $0.decode(column: "request_id", as: String.self) }
    }

    /// Up to `limit` requests never formally closed nor flagged, unchanged since `idleSince`, whose
    /// personal data are still there (a deleted draft has none left to review).
    public func unclosed(idleSince: Date, limit: Int) async throws -> [(id: String, lastActivity: Date)] {
        try await sql.select().columns("id", "updated_at").from("information_request")
            .where("formal_closure_at", .is, SQLLiteral.null).where("review_flagged_at", .is, SQLLiteral.null)
            .where("retention_phase", .notEqual, RetentionPhase.deleted.rawValue)
            .where("updated_at", .lessThanOrEqual, idleSince.epochSeconds).limit(limit).all().map { row in
                (
                    try row.decode(column: "id", as: String.self),
                    Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "updated_at", as: Int64.self)))
                )
            }
    }

    /// Drafts whose deletion was begun (blocked) but did not finish, to be finished by the next run.
    public func unfinishedDraftDeletions(limit: Int) async throws -> [String] {
        try await sql.select().column("id").from("information_request").where("state", .equal, RequestState.draft.rawValue)
            .where("retention_phase", .equal, RetentionPhase.blocked.rawValue).orderBy("id").limit(limit).all()
            .map { try $0.decode(column: "id", as: String.self) }
    }

    /// Flags request `id` for review once; false when it was flagged already.
    public func flagForReview(_ id: String, at date: Date) async throws -> Bool {
        try await !sql.update("information_request").set("review_flagged_at", to: date.epochSeconds).where("id", .equal, id)
            .where("review_flagged_at", .is, SQLLiteral.null).returning("id").all().isEmpty
    }
}
