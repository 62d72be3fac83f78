import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// What an authority records when a person gives consent.
public struct NewConsent: Sendable {
    /// The purpose.
    public var purpose: ConsentPurpose
    /// Who gave it.
    public var givenBy: String
    /// The language the wording was shown in.
    public var language: Language
    /// The wording version agreed to.
    public var wordingVersion: String
    /// When it was given.
    public var givenAt: Date

    /// Creates the description of a consent.
    public init(purpose: ConsentPurpose, givenBy: String, language: Language, wordingVersion: String, givenAt: Date) {
        self.purpose = purpose
        self.givenBy = givenBy
        self.language = language
        self.wordingVersion = wordingVersion
        self.givenAt = givenAt
    }
}

extension RequestService {
    /// Records a person's consent for request `id`: by a request handler of the requester or the
    /// current responder, for a purpose the area's legal basis needs (processing where the area
    /// rests on consent; sanctions data where they are allowed only with consent). Logged.
    public func recordConsent(_ consent: NewConsent, on id: RequestID, by principal: Principal, now: Date) async throws -> ConsentRecord {
        try evidence.requireSigning()
        let request = try await visible(id, to: principal)
        try identity.authorize(
            principal, .recordConsent, on: .request(request.involvement, legalArea: request.legalArea.rawValue, state: request.state))
        guard !request.state.isFinal else { throw ConsentError.requestFinished }
        guard let area = try await RegistryRepository(sql: database.sql).legalArea(request.legalArea.rawValue) else {
            throw InformationRequestError.unknownProcedure(request.procedure.rawValue)
        }
        let needed =
            switch consent.purpose {
            case .processing: area.consentIsLegalBasis
            case .sanctionsData: area.sanctionsDataBasis == .explicitConsent
            }
        guard needed else { throw ConsentError.invalid("purpose") }
        try ConsentRule.validate(givenBy: consent.givenBy, wordingVersion: consent.wordingVersion, givenAt: consent.givenAt, now: now)
        let record = ConsentRecord(
            id: UUID(), requestID: id.uuid, legalArea: area.code.rawValue, purpose: consent.purpose,
            givenBy: consent.givenBy.trimmingCharacters(in: .whitespacesAndNewlines), language: consent.language,
            wordingVersion: consent.wordingVersion, givenAt: consent.givenAt,
            recordedBy: StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID()), withdrawnAt: nil)
        try await database.transaction { sql in
            try await ConsentRepository(sql: sql, keys: keys).insert(record, now: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid, operation: .write,
                purpose: .recordConsent(consent.purpose), fields: ["consent"], at: now)
        }
        return record
    }

    /// Records the withdrawal of consent `consentID` of request `id` (also after closure). From then
    /// on nothing more is processed on its basis; a request resting on it is deleted by the next
    /// retention run.
    public func withdrawConsent(_ consentID: UUID, of id: RequestID, by principal: Principal, now: Date) async throws -> ConsentRecord {
        try evidence.requireSigning()
        let repository = RequestRepository(sql: database.sql, keys: keys)
        guard let access = try await repository.access(of: id.uuid) else { throw InformationRequestError.notFound }
        try authorize(principal, .recordConsent, on: access)
        guard access.retentionPhase != .deleted else { throw InformationRequestError.personalDataDeleted }
        guard
            let record = try await ConsentRepository(sql: database.sql, keys: keys).records(of: id.uuid, openNames: false)
                .first(where: { $0.id == consentID })
        else { throw ConsentError.notFound }
        let withdrawn = try record.withdrawing(at: now)
        try await database.transaction { sql in
            guard try await ConsentRepository(sql: sql, keys: keys).withdraw(consentID, at: now) else {
                throw ConsentError.alreadyWithdrawn
            }
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid, operation: .write,
                purpose: .withdrawConsent(record.purpose), fields: ["consent"], at: now)
        }
        return withdrawn
    }

    /// The consent records of request `id`, for those who may read it.
    public func consents(of id: RequestID, by principal: Principal, purpose: AccessPurpose, now: Date) async throws -> [ConsentRecord] {
        _ = try await visible(id, to: principal)
        let records = try await ConsentRepository(sql: database.sql, keys: keys).records(of: id.uuid)
        try await logListRead(of: id, fields: ["consents"], by: principal, purpose: purpose, now: now)
        return records
    }

    /// Refuses any further processing of a request whose consent basis was withdrawn.
    func requireConsentBasis(of id: RequestID, now: Date) async throws {
        let records = try await ConsentRepository(sql: database.sql, keys: keys).records(of: id.uuid, openNames: false)
        if ConsentRule.processingConsentWithdrawn(records, at: now) { throw ConsentError.withdrawn }
    }
}
