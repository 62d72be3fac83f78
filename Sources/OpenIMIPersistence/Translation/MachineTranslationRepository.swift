import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Keeps the machine translations of requests' texts, each with the original it was made from;
/// both are sealed with the request's data key, so they go when its personal data go.
public struct MachineTranslationRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys wrapping the requests' data keys.
    public let keys: DataKeyRing

    /// Creates a repository over `sql`, sealing with data keys wrapped by `keys`.
    public init(sql: any SQLDatabase, keys: DataKeyRing) {
        self.sql = sql
        self.keys = keys
    }

    /// A stored translation with the original it was made from.
    public struct Stored: Sendable {
        /// The translation.
        public let translation: MachineTranslation
        /// The original text at the time it was asked for.
        public let original: String
        /// When it was asked for.
        public let requestedAt: Date

        /// Creates a stored translation.
        public init(translation: MachineTranslation, original: String, requestedAt: Date) {
            self.translation = translation
            self.original = original
            self.requestedAt = requestedAt
        }
    }

    static func context(_ request: String, _ text: TranslatableText, _ target: Language, _ column: String) -> String {
        "machine_translation/\(request)/\(text.rawValue)/\(target.rawValue)/\(column)"
    }

    /// Locks request `requestID`'s row until the transaction ends, so that two asks for the same
    /// translation are decided one after the other (PostgreSQL; SQLite writes one at a time anyway).
    public func lock(_ requestID: UUID) async throws {
        try await sql.update("information_request").set("retention_phase", to: SQLColumn("retention_phase"))
            .where("id", .equal, requestID.uuidString.lowercased()).run()
    }

    /// Stores the translation of `original` for its text and target language, replacing what was
    /// kept; `referenceHash` names it for the provider's callback or for the ask that claimed it.
    public func save(
        _ translation: MachineTranslation, original: String, of requestID: UUID, referenceHash: String?, at now: Date
    ) async throws {
        let id = requestID.uuidString.lowercased()
        let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: id)
        let sealedOriginal = try key.seal(original, context: Self.context(id, translation.text, translation.target, "original"))
        let sealedTranslation = try translation.translation.map {
            try key.seal($0, context: Self.context(id, translation.text, translation.target, "translation"))
        }
        try await sql.insert(into: "machine_translation")
            .columns(
                "request_id", "text_key", "target_language", "engine", "status", "original", "translation", "reference_hash",
                "requested_at", "completed_at"
            )
            .values(
                SQLBind(id), SQLBind(translation.text.rawValue), SQLBind(translation.target.rawValue), SQLBind(translation.engine),
                SQLBind(translation.status.rawValue), SQLBind(sealedOriginal), SQLBind(sealedTranslation), SQLBind(referenceHash),
                SQLBind(now.epochSeconds), SQLBind(translation.status == .pending ? nil : now.epochSeconds)
            )
            .onConflict(with: ["request_id", "text_key", "target_language"]) {
                $0.set(excludedValueOf: "engine").set(excludedValueOf: "status").set(excludedValueOf: "original")
                    .set(excludedValueOf: "translation").set(excludedValueOf: "reference_hash").set(excludedValueOf: "requested_at")
                    .set(excludedValueOf: "completed_at")
            }
            .run()
    }

    /// Removes the translation an ask claimed (named by `referenceHash`) when its provider failed.
    public func release(referenceHash: String) async throws {
        try await sql.delete(from: "machine_translation").where("reference_hash", .equal, referenceHash).run()
    }

    /// The translations kept for request `requestID` into `target`, by text.
    public func translations(of requestID: UUID, into target: Language) async throws -> [TranslatableText: Stored] {
        let id = requestID.uuidString.lowercased()
        let rows = try await sql.select().column("*").from("machine_translation").where("request_id", .equal, id)
            .where("target_language", .equal, target.rawValue).all()
        guard !rows.isEmpty else { return [:] }
        let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: id)
        var found: [TranslatableText: Stored] = [:]
        for row in rows {
            guard let text = TranslatableText(rawValue: try row.decode(column: "text_key", as: String.self)),
                let status = MachineTranslation.Status(rawValue: try row.decode(column: "status", as: String.self))
            else { continue }
            let sealed = try row.decode(column: "translation", as: String?.self)
            found[text] = Stored(
                translation: MachineTranslation(
                    text: text, source: target, target: target, engine: try row.decode(column: "engine", as: String.self), status: status,
                    translation: try sealed.map { try key.open($0, context: Self.context(id, text, target, "translation")) }),
                original: try key.open(
                    try row.decode(column: "original", as: String.self), context: Self.context(id, text, target, "original")),
                requestedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "requested_at", as: Int64.self))))
        }
        return found
    }

    /// Completes the pending translation named by `referenceHash` with `translation` (or marks it
    /// failed when nil); false when no such translation is pending for a request still in use.
    public func complete(referenceHash: String, translation: String?, at now: Date) async throws -> Bool {
        guard
            let row = try await sql.raw(
                """
                SELECT t.request_id, t.text_key, t.target_language FROM machine_translation t
                JOIN information_request r ON r.id = t.request_id
                WHERE t.reference_hash = \(bind: referenceHash) AND t.status = \(bind: MachineTranslation.Status.pending.rawValue)
                  AND r.retention_phase = \(bind: RetentionPhase.active.rawValue)
                """
            ).first(),
            let text = TranslatableText(rawValue: try row.decode(column: "text_key", as: String.self)),
            let target = Language(rawValue: try row.decode(column: "target_language", as: String.self))
        else { return false }
        let id = try row.decode(column: "request_id", as: String.self)
        var update = sql.update("machine_translation")
            .set("status", to: translation == nil ? MachineTranslation.Status.failed.rawValue : MachineTranslation.Status.ready.rawValue)
            .set("completed_at", to: now.epochSeconds).set("reference_hash", to: SQLLiteral.null)
        if let translation {
            let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: id)
            update = update.set("translation", to: try key.seal(translation, context: Self.context(id, text, target, "translation")))
        }
        return try await !update.where("reference_hash", .equal, referenceHash)
            .where("status", .equal, MachineTranslation.Status.pending.rawValue).returning("request_id").all().isEmpty
    }
}
