import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// Machine translation of a request's texts at a reader's request: only users who may read the
/// request may ask, only the text is sent, each sending is logged as a disclosure, and the
/// translations are kept sealed with the request's data key (deleted with its personal data).
public struct MachineTranslationService: Sendable {
    /// Information requests, for need-to-know.
    public let requests: RequestService
    /// The configured provider; nil when machine translation is off.
    public let provider: (any TranslationProvider)?
    /// Makes the secret references of asynchronous translations.
    let random: any SecureRandom
    /// Where an asynchronous provider posts its answers, under the public address.
    public static let callbackPath = "/api/v1/machine-translations/etranslation"

    /// Creates the service.
    public init(requests: RequestService, provider: (any TranslationProvider)?, random: any SecureRandom) {
        self.requests = requests
        self.provider = provider
        self.random = random
    }

    private var repository: MachineTranslationRepository {
        MachineTranslationRepository(sql: requests.database.sql, keys: requests.keys)
    }

    /// The translations kept for `request` (already read by the caller) into `language`, by text;
    /// one made from an earlier version of a text is left out.
    public func translations(of request: InformationRequest, into language: Language) async throws -> [TranslatableText: MachineTranslation]
    {
        guard provider != nil else { return [:] }
        let stored = try await repository.translations(of: request.id.uuid, into: language)
        return stored.reduce(into: [:]) { found, entry in
            guard let original = request.translatable(entry.key), original.text == entry.value.original else { return }
            let kept = entry.value.translation
            found[entry.key] = MachineTranslation(
                text: kept.text, source: original.language, target: language, engine: kept.engine, status: kept.status,
                translation: kept.translation)
        }
    }

    /// Translates one text of request `id` into `target` for `principal`, or gives the kept
    /// translation; the sending is logged before it happens.
    public func translate(
        _ id: RequestID, text: TranslatableText, into target: Language, by principal: Principal, now: Date
    ) async throws -> MachineTranslation {
        guard let provider else { throw TranslationError.notOffered }
        let request = try await requests.visible(id, to: principal)
        guard let original = request.translatable(text), original.language != target else { throw TranslationError.notOffered }
        if let kept = try await translations(of: request, into: target)[text], kept.status != .failed { return kept }
        try requests.evidence.requireSigning()
        let organisation = try principal.actingOrganisationID()
        try await requests.database.transaction { sql in
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: organisation, requestID: id.uuid, operation: .disclose,
                purpose: .machineTranslation(provider.kind), fields: [text.rawValue], at: now)
        }
        let reference = Base64URL.encode(random.bytes(32))
        let outcome = try await provider.translate(original.text, from: original.language, to: target, reference: reference)
        let translation: MachineTranslation
        switch outcome {
        case .translated(let translated):
            translation = MachineTranslation(
                text: text, source: original.language, target: target, engine: provider.engineName, status: .ready, translation: translated)
        case .pending:
            translation = MachineTranslation(
                text: text, source: original.language, target: target, engine: provider.engineName, status: .pending, translation: nil)
        }
        try await requests.database.transaction { sql in
            try await MachineTranslationRepository(sql: sql, keys: requests.keys).save(
                translation, original: original.text, of: id.uuid,
                referenceHash: outcome == .pending ? ContentDigest.sha256(Data(reference.utf8)) : nil, at: now)
        }
        return translation
    }

    /// Takes an asynchronous provider's answer for the translation `reference` names: the text, or
    /// nil when the provider reports an error. False when no translation with that reference is pending.
    public func complete(reference: String, translation: String?, now: Date) async throws -> Bool {
        guard !reference.isEmpty, reference.count <= 200 else { return false }
        let hash = ContentDigest.sha256(Data(reference.utf8))
        return try await requests.database.transaction { sql in
            try await MachineTranslationRepository(sql: sql, keys: requests.keys).complete(
                referenceHash: hash, translation: translation, at: now)
        }
    }
}
