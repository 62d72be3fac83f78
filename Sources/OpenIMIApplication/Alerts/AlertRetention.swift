import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// Deletes the personal data of alerts three days after they were closed or withdrawn (Directive
/// 2005/36/EC Art. 56a(7) for the qualifications alert; the same for every alert): the alert's data
/// key is destroyed, its sealed content emptied, the deletion logged and a signed receipt kept with
/// the SHA-256 of what was deleted. Each alert moves in its own transaction, once.
public struct AlertRetention: Sendable {
    /// The JWS `typ` of an alert's deletion receipt.
    public static let receiptType = "openimi-alert-deletion-receipt+jws"

    /// The database.
    public let database: any Database
    /// The master keys (the deletion reads the content once more to record its digest).
    public let keys: DataKeyRing
    /// The platform's signing keys, for receipts.
    public let signing: SigningKeyStore

    /// Creates the rule's run.
    public init(database: any Database, keys: DataKeyRing, signing: SigningKeyStore) {
        self.database = database
        self.keys = keys
        self.signing = signing
    }

    /// Deletes what is due as of `date`; returns how many alerts' personal data were deleted.
    public func run(asOf date: Date, limit: Int = 1_000) async throws -> Int {
        let due = date.addingTimeInterval(-TimeInterval(AlertTimeliness.days * 86_400))
        var deleted = 0
        for id in try await AlertRepository(sql: database.sql, keys: keys).finished(atOrBefore: due, limit: limit) {
            if try await delete(id, at: date) { deleted += 1 }
        }
        return deleted
    }

    /// Deletes alert `id`'s personal data for `reason`, logged as done by `actor` (the platform when
    /// nil); false when another run did first.
    public func delete(_ id: AlertID, at date: Date, reason: DeletionReason = .retention, by actor: StepActor? = nil) async throws -> Bool {
        let identity = try signing.current()
        return try await database.transaction { [keys] sql in
            let repository = AlertRepository(sql: sql, keys: keys)
            try await repository.lock(id)
            // Another run may have deleted it while this one waited for the lock.
            guard try await repository.facts(of: id, commissionInformed: { _ in false })?.retentionPhase == .active,
                let alert = try await repository.find(id)
            else { return false }
            let digest = AlertRepository.personalDataDigest(of: alert)
            let payload = CanonicalJSON.object([
                "type": .string("openimi.alert-deletion-receipt"), "version": .integer(1), "alert": .string(id.description),
                "procedure": .string(alert.procedure.rawValue), "legalArea": .string(alert.legalArea.rawValue),
                "finishedAt": alert.finishedAt.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null,
                "deletedAt": .integer(Int64(date.timeIntervalSince1970)), "personalDataSha256": .string(digest),
                "reason": .string(reason.rawValue),
            ])
            let jws = try CompactJWS.sign(payload: payload.bytes, type: Self.receiptType, with: identity)
            guard try await repository.erasePersonalData(of: id, at: date, receipt: jws.serialized) else { return false }
            try await AccessLog(sql: sql).record(
                userID: actor?.userID.uuid ?? RetentionRun.platformActor,
                organisationID: actor?.organisationID ?? RetentionRun.platformActor,
                requestID: id.uuid, operation: .delete,
                purpose: .delete(reason), fields: AlertService.personalFields, digest: digest, at: date)
            return true
        }
    }
}
