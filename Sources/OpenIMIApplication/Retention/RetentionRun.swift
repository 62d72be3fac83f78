import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// Applies the retention rules (IMI Regulation, Art. 14) as of a date: blocks the personal data of
/// requests formally closed longer than their area's blocking period, deletes them 36 months after
/// formal closure (the data key is destroyed and the sealed rows emptied, a signed receipt kept), and
/// flags requests never formally closed. Each request moves in its own transaction and only from the
/// phase it was read in, so the run is idempotent, resumes after a crash at any point, and can run
/// from several servers at once: a request another run moved first is skipped.
public struct RetentionRun: Sendable {
    /// The actor of retention's log entries: the platform itself.
    public static let platformActor = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// What a run did.
    public struct Outcome: Sendable, Equatable {
        /// Requests whose personal data were blocked.
        public var blocked = 0
        /// Requests whose personal data were deleted.
        public var deleted = 0
        /// Requests never formally closed that were flagged to their authorities.
        public var flagged = 0
        /// Alerts whose personal data were deleted three days after they ended.
        public var deletedAlerts = 0

        /// Counts of a run.
        public init(blocked: Int = 0, deleted: Int = 0, flagged: Int = 0, deletedAlerts: Int = 0) {
            self.blocked = blocked
            self.deleted = deleted
            self.flagged = flagged
            self.deletedAlerts = deletedAlerts
        }
    }

    /// The database.
    public let database: any Database
    /// The master keys (a deletion reads the data once more to record what it deleted).
    public let keys: DataKeyRing
    /// The platform's signing keys, for deletion receipts.
    public let signing: SigningKeyStore
    /// When unclosed requests are flagged.
    public let review: RetentionReview

    /// Creates a run.
    public init(database: any Database, keys: DataKeyRing, signing: SigningKeyStore, review: RetentionReview) {
        self.database = database
        self.keys = keys
        self.signing = signing
        self.review = review
    }

    /// Applies the rules as of `date`; `limit` stops after that many transitions (to resume later).
    public func run(asOf date: Date, limit: Int = .max) async throws -> Outcome {
        var outcome = Outcome()
        for area in try await RegistryRepository(sql: database.sql).legalAreas() {
            // Every request whose blocking date can have passed: a month has at least 28 days.
            let earliest = date.addingTimeInterval(-Double(area.retention.blockAfterMonths) * 28 * 86_400)
            for (id, closure, phase) in try await RetentionRepository(sql: database.sql).closed(
                in: area.code.rawValue, closedBefore: earliest)
            {
                guard outcome.blocked + outcome.deleted + outcome.flagged < limit else { return outcome }
                switch (area.retention.phase(formalClosure: closure, at: date), phase) {
                case (.blocked, .active):
                    if try await block(id, at: date) { outcome.blocked += 1 }
                case (.deleted, _):
                    if try await delete(id, at: date) { outcome.deleted += 1 }
                default: continue
                }
            }
        }
        for id in try await RetentionRepository(sql: database.sql).withdrawnConsentBasis(asOf: date) {
            guard outcome.blocked + outcome.deleted < limit else { return outcome }
            if try await delete(id, at: date, reason: .consentWithdrawn) { outcome.deleted += 1 }
        }
        // A draft's deletion that stopped after blocking it (no signing key at that moment) is finished here.
        for id in try await RetentionRepository(sql: database.sql).unfinishedDraftDeletions(limit: max(0, limit - outcome.deleted)) {
            if try await delete(id, at: date, reason: .draftDeleted) { outcome.deleted += 1 }
        }
        outcome.flagged = try await flagUnclosed(asOf: date, limit: limit - outcome.blocked - outcome.deleted)
        outcome.deletedAlerts = try await AlertRetention(database: database, keys: keys, signing: signing).run(
            asOf: date, limit: max(0, min(limit - outcome.blocked - outcome.deleted - outcome.flagged, 1_000)))
        try await database.transaction { sql in try await IdempotencyStore.purgeExpired(sql: sql, now: date) }
        return outcome
    }

    /// Blocks request `id` if still active; false when another run did.
    func block(_ id: String, at date: Date, purpose: AccessPurpose = .block(.retention)) async throws -> Bool {
        let uuid = try Self.requestUUID(id)
        return try await database.transaction { sql in
            guard try await RetentionRepository(sql: sql).block(id, at: date) else { return false }
            try await AccessLog(sql: sql).record(
                userID: Self.platformActor, organisationID: Self.platformActor, requestID: uuid, operation: .block,
                purpose: purpose, fields: RequestService.personalFields, at: date)
            return true
        }
    }

    /// Deletes the personal data of request `id` (blocking it first when the run meets it active):
    /// destroys its data key, empties the sealed columns, removes its attachments, logs it, and keeps
    /// a signed receipt. False when another run deleted it first.
    /// `actor` is the user who asked for it (a draft's deletion); the platform otherwise.
    public func delete(_ id: String, at date: Date, reason: DeletionReason = .retention, actor: StepActor? = nil) async throws -> Bool {
        let uuid = try Self.requestUUID(id)
        _ = try await block(id, at: date, purpose: .block(reason))
        let identity = try signing.current()
        return try await database.transaction { sql in
            let repository = RequestRepository(sql: sql, keys: keys)
            // The row is locked first, so that a run beside this one waits until this one commits and
            // then sees the request deleted, instead of reading it while its data key goes away.
            try await RetentionRepository(sql: sql).lock(id)
            // Another run may have deleted it since this one read the candidates.
            guard try await repository.access(of: uuid)?.retentionPhase == .blocked, let request = try await repository.find(uuid) else {
                return false
            }
            let attachments = try await AttachmentRepository(sql: sql, keys: keys).list(of: uuid)
            guard try await RetentionRepository(sql: sql).erasePersonalData(of: id, at: date) else { return false }
            try await SubjectIndexRepository(sql: sql, ring: keys).remove(id)
            try await IdempotencyStore.forget(requestID: id, sql: sql)
            let digest = RequestRecord.personalDataDigest(of: request)
            try await AccessLog(sql: sql).record(
                userID: actor?.userID.uuid ?? Self.platformActor, organisationID: actor?.organisationID ?? Self.platformActor,
                requestID: uuid, operation: .delete,
                purpose: .delete(reason),
                fields: RequestService.personalFields + attachments.map { "attachments/\($0.id.uuidString.lowercased())" },
                digest: digest, at: date)
            let receipt = DeletionReceipt(
                request: request, attachments: attachments, personalDataSha256: digest, deletedAt: date, reason: reason)
            let jws = try CompactJWS.sign(payload: receipt.payload.bytes, type: DeletionReceipt.type, with: identity)
            try await RetentionRepository(sql: sql).storeReceipt(of: id, at: date, jws: jws.serialized, reason: reason)
            return true
        }
    }

    /// Flags requests never formally closed and idle for the review period, once, to both authorities.
    private func flagUnclosed(asOf date: Date, limit: Int) async throws -> Int {
        guard limit > 0 else { return 0 }
        let earliest = date.addingTimeInterval(-Double(review.afterMonths) * 28 * 86_400)
        var flagged = 0
        for (id, activity) in try await RetentionRepository(sql: database.sql).unclosed(idleSince: earliest, limit: limit) {
            guard review.isDue(formalClosure: nil, lastActivity: activity, at: date) else { continue }
            let uuid = try Self.requestUUID(id)
            let marked = try await database.transaction { sql in
                guard try await RetentionRepository(sql: sql).flagForReview(id, at: date),
                    let request = try await RequestRepository(sql: sql, keys: keys).find(uuid)
                else { return false }
                let notifications = NotificationRepository(sql: sql)
                // A draft is its requester's alone: the addressee hears of it only once it is sent.
                let told =
                    request.state == .draft
                    ? [request.involvement.requester] : [request.involvement.requester, request.involvement.responder]
                for organisation in Set(told) {
                    try await notifications.record("retention-review", on: request, for: organisation.uuid, at: date)
                }
                return true
            }
            if marked { flagged += 1 }
        }
        return flagged
    }

    /// The UUID of the request stored as `id`; a stored id that is not one is a corrupt row, which
    /// stops the run instead of leaving that request's data in place unreported.
    static func requestUUID(_ id: String) throws -> UUID {
        guard let uuid = UUID(uuidString: id) else { throw PersistenceError.corruptRow(table: "information_request", key: id) }
        return uuid
    }
}
