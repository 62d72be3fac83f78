import Foundation
import Logging
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// Machine translation of a request's texts at a reader's request: only users who may read the
/// request may ask, only the text is sent (never a sensitive answer), each sending is logged as a
/// disclosure before it happens, and the translations are kept sealed with the request's data key
/// (deleted with its personal data).
///
/// An ask first claims the translation in one transaction with its log entry (the request's row
/// locked, so a second ask for the same text waits and then finds the claim instead of sending
/// again); the provider is called outside any transaction; a failure releases the claim.
public struct MachineTranslationService: Sendable {
    /// Information requests, for need-to-know.
    public let requests: RequestService
    /// The configured provider; nil when machine translation is off.
    public let provider: (any TranslationProvider)?
    /// Makes the secret references of translations.
    let random: any SecureRandom
    /// Where provider failures are reported (kind and reason, never the text).
    let logger: Logger
    /// Where an asynchronous provider posts its answers, under the public address.
    public static let callbackPath = "/api/v1/machine-translations/etranslation"
    /// How long an ask may stay unanswered before another ask sends the text again.
    public static let pendingLifetime: TimeInterval = 15 * 60

    /// Creates the service.
    public init(requests: RequestService, provider: (any TranslationProvider)?, random: any SecureRandom, logger: Logger) {
        self.requests = requests
        self.provider = provider
        self.random = random
        self.logger = logger
    }

    /// The translations kept for `request` (already read by the caller) into `language`, by text;
    /// one made from an earlier version of a text is left out.
    public func translations(of request: InformationRequest, into language: Language) async throws -> [TranslatableText: MachineTranslation]
    {
        guard provider != nil else { return [:] }
        return try await current(of: request, into: language, in: requests.database.sql).mapValues(\.translation)
    }

    private func current(
        of request: InformationRequest, into language: Language, in sql: any SQLDatabase
    ) async throws -> [TranslatableText: MachineTranslationRepository.Stored] {
        let stored = try await MachineTranslationRepository(sql: sql, keys: requests.keys).translations(of: request.id.uuid, into: language)
        return stored.reduce(into: [:]) { found, entry in
            guard let original = translatable(entry.key, of: request), original.text == entry.value.original else { return }
            let kept = entry.value.translation
            found[entry.key] = MachineTranslationRepository.Stored(
                translation: MachineTranslation(
                    text: kept.text, source: original.language, target: language, engine: kept.engine, status: kept.status,
                    translation: kept.translation),
                original: entry.value.original, requestedAt: entry.value.requestedAt)
        }
    }

    /// The text `which` of `request` when it may be sent for translation: not empty, its language
    /// known, and not the answer to a sensitive question (data on offences stay with the authorities).
    func translatable(_ which: TranslatableText, of request: InformationRequest) -> FreeText? {
        if case .answer(let question) = which, requests.questionSets[request.procedure.rawValue]?.question(question)?.sensitive != false {
            return nil
        }
        guard let text = request.translatable(which), !text.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return text
    }

    /// Translates one text of request `id` into `target` for `principal`, or gives the kept (or
    /// still awaited) translation; `channel` names where it is shown, for the log of the read.
    public func translate(
        _ id: RequestID, text: TranslatableText, into target: Language, by principal: Principal, channel: AccessChannel, now: Date
    ) async throws -> MachineTranslation {
        guard let provider else { throw TranslationError.notOffered }
        let request = try await requests.visible(id, to: principal)
        guard let original = translatable(text, of: request), original.language != target else { throw TranslationError.notOffered }
        try requests.evidence.requireSigning()
        let organisation = try principal.actingOrganisationID()
        let reference = Base64URL.encode(random.bytes(32))
        let referenceHash = ContentDigest.sha256(Data(reference.utf8))
        let claimed = MachineTranslation(
            text: text, source: original.language, target: target, engine: provider.engineName, status: .pending, translation: nil)
        let kept: MachineTranslation? = try await requests.database.transaction { sql in
            let repository = MachineTranslationRepository(sql: sql, keys: requests.keys)
            try await repository.lock(id.uuid)
            if let kept = try await current(of: request, into: target, in: sql)[text], kept.translation.status != .failed,
                kept.translation.status == .ready || now.timeIntervalSince(kept.requestedAt) < Self.pendingLifetime
            {
                try await AccessLog(sql: sql).record(
                    userID: principal.user.id.uuid, organisationID: organisation, requestID: id.uuid, operation: .read,
                    purpose: .read(channel, .machineTranslation), fields: [text.rawValue], at: now)
                return kept.translation
            }
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: organisation, requestID: id.uuid, operation: .disclose,
                purpose: .machineTranslation(provider.kind), fields: [text.rawValue],
                digest: ContentDigest.sha256(Data(original.text.utf8)), at: now)
            try await repository.save(claimed, original: original.text, of: id.uuid, referenceHash: referenceHash, at: now)
            return nil
        }
        if let kept { return kept }
        let outcome: TranslationOutcome
        do {
            outcome = try await provider.translate(original.text, from: original.language, to: target, reference: reference)
        } catch {
            logger.warning("Machine translation failed", metadata: ["provider": "\(provider.kind.rawValue)", "reason": "\(error)"])
            try await requests.database.transaction { sql in
                try await MachineTranslationRepository(sql: sql, keys: requests.keys).release(referenceHash: referenceHash)
            }
            throw error
        }
        guard case .translated(let translated) = outcome else { return claimed }
        let ready = MachineTranslation(
            text: text, source: original.language, target: target, engine: provider.engineName, status: .ready, translation: translated)
        try await requests.database.transaction { sql in
            try await MachineTranslationRepository(sql: sql, keys: requests.keys).save(
                ready, original: original.text, of: id.uuid, referenceHash: nil, at: now)
        }
        return ready
    }

    /// Takes an asynchronous provider's answer for the translation `reference` names: the text, or
    /// nil when the provider reports an error. False when no translation with that reference is
    /// pending for a request still in use.
    public func complete(reference: String, translation: String?, now: Date) async throws -> Bool {
        guard provider?.kind == .etranslation, !reference.isEmpty, reference.count <= 200 else { return false }
        let hash = ContentDigest.sha256(Data(reference.utf8))
        return try await requests.database.transaction { sql in
            try await MachineTranslationRepository(sql: sql, keys: requests.keys).complete(
                referenceHash: hash, translation: translation, at: now)
        }
    }
}
