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
    }

    static func context(_ request: String, _ text: TranslatableText, _ target: Language, _ column: String) -> String {
        "machine_translation/\(request)/\(text.rawValue)/\(target.rawValue)/\(column)"
    }

    /// Stores (or replaces) the translation of `original` kept for its text and target language;
    /// `referenceHash` names a pending one for the provider's callback.
    public func save(
        _ translation: MachineTranslation, original: String, of requestID: UUID, referenceHash: String?, at now: Date
    ) async throws {
        let id = requestID.uuidString.lowercased()
        let key = try await DataKeyRepository(sql: sql, ring: keys).key(for: id)
        let sealedOriginal = try key.seal(original, context: Self.context(id, translation.text, translation.target, "original"))
        let sealedTranslation = try translation.translation.map {
            try key.seal($0, context: Self.context(id, translation.text, translation.target, "translation"))
        }
        try await sql.delete(from: "machine_translation").where("request_id", .equal, id)
            .where("text_key", .equal, translation.text.rawValue).where("target_language", .equal, translation.target.rawValue).run()
        try await sql.insert(into: "machine_translation")
            .columns(
                "request_id", "text_key", "target_language", "engine", "status", "original", "translation", "reference_hash",
                "requested_at", "completed_at"
            )
            .values(
                SQLBind(id), SQLBind(translation.text.rawValue), SQLBind(translation.target.rawValue), SQLBind(translation.engine),
                SQLBind(translation.status.rawValue), SQLBind(sealedOriginal), SQLBind(sealedTranslation), SQLBind(referenceHash),
                SQLBind(now.epochSeconds), SQLBind(translation.status == .pending ? nil : now.epochSeconds)
            ).run()
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
                    try row.decode(column: "original", as: String.self), context: Self.context(id, text, target, "original")))
        }
        return found
    }

    /// The pending translation a callback's reference names: its request, text and target language.
    public func pending(referenceHash: String) async throws -> (requestID: UUID, text: TranslatableText, target: Language)? {
        guard
            let row = try await sql.select().columns("request_id", "text_key", "target_language").from("machine_translation")
                .where("reference_hash", .equal, referenceHash).where("status", .equal, MachineTranslation.Status.pending.rawValue).first(),
            let requestID = UUID(uuidString: try row.decode(column: "request_id", as: String.self)),
            let text = TranslatableText(rawValue: try row.decode(column: "text_key", as: String.self)),
            let target = Language(rawValue: try row.decode(column: "target_language", as: String.self))
        else { return nil }
        return (requestID, text, target)
    }

    /// Completes the pending translation named by `referenceHash` with `translation` (or marks it
    /// failed when nil); false when no such translation is pending any more.
    public func complete(referenceHash: String, translation: String?, at now: Date) async throws -> Bool {
        guard let (requestID, text, target) = try await pending(referenceHash: referenceHash) else { return false }
        let id = requestID.uuidString.lowercased()
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
