import Foundation

/// What a person consented to.
public enum ConsentPurpose: String, Sendable, Hashable, CaseIterable, Codable {
    /// The exchange itself, where consent is the area's legal basis (SOLVIT).
    case processing
    /// Data on offences, convictions, sanctions or good repute about them (Art. 16).
    case sanctionsData = "sanctions-data"
}

/// A person's explicit consent as recorded by an authority: who consented, to what, for which
/// purpose and legal area, when, in which language and to which version of the wording; and its
/// withdrawal, after which nothing more is processed on its basis.
public struct ConsentRecord: Sendable, Hashable, Identifiable {
    /// The record's identifier.
    public internal(set) var id: UUID
    /// The request the consent covers, if it was given for one.
    public internal(set) var requestID: UUID?
    /// The legal area.
    public internal(set) var legalArea: String
    /// The purpose consented to.
    public internal(set) var purpose: ConsentPurpose
    /// Who gave it: the person, or who represents them (personal data, stored sealed).
    public internal(set) var givenBy: String
    /// The language the wording was shown in.
    public internal(set) var language: Language
    /// The version of the wording the person agreed to.
    public internal(set) var wordingVersion: String
    /// When the person gave it.
    public internal(set) var givenAt: Date
    /// The user and authority that recorded it.
    public internal(set) var recordedBy: StepActor
    /// When it was withdrawn, if it was.
    public internal(set) var withdrawnAt: Date?

    /// Creates a record as stored.
    public init(
        id: UUID, requestID: UUID?, legalArea: String, purpose: ConsentPurpose, givenBy: String, language: Language, wordingVersion: String,
        givenAt: Date, recordedBy: StepActor, withdrawnAt: Date?
    ) {
        self.id = id
        self.requestID = requestID
        self.legalArea = legalArea
        self.purpose = purpose
        self.givenBy = givenBy
        self.language = language
        self.wordingVersion = wordingVersion
        self.givenAt = givenAt
        self.recordedBy = recordedBy
        self.withdrawnAt = withdrawnAt
    }

    /// Whether the consent stands at `date`: given by then and not withdrawn.
    public func isInForce(at date: Date) -> Bool {
        givenAt <= date && (withdrawnAt.map { $0 > date } ?? true)
    }

    /// The record withdrawn at `date`; a consent is withdrawn once.
    public func withdrawing(at date: Date) throws(ConsentError) -> ConsentRecord {
        guard withdrawnAt == nil else { throw .alreadyWithdrawn }
        var withdrawn = self
        withdrawn.withdrawnAt = date
        return withdrawn
    }
}

/// Consent as a condition of processing.
public enum ConsentRule {
    /// The current version of the consent wording each purpose shows (catalog `consent.wording.<purpose>`).
    public static let wordingVersion = "2026-1"
    /// Longest name of who gave the consent.
    public static let maximumGivenByLength = 200

    /// Whether `records` hold a consent in force at `date` for `purpose` in `area`.
    public static func isGiven(_ purpose: ConsentPurpose, in area: String, by records: [ConsentRecord], at date: Date) -> Bool {
        records.contains { $0.purpose == purpose && $0.legalArea == area && $0.isInForce(at: date) }
    }

    /// Whether processing of a request in `area` must stop: its legal basis is consent and the
    /// consent given for it was withdrawn (and none is in force).
    public static func processingWithdrawn(area: LegalArea, records: [ConsentRecord], at date: Date) -> Bool {
        area.consentIsLegalBasis && processingConsentWithdrawn(records.filter { $0.legalArea == area.code.rawValue }, at: date)
    }

    /// Whether `records` hold a consent to processing and none of them is in force at `date`:
    /// consent to processing is recorded only where it is the area's basis, so the records alone tell.
    public static func processingConsentWithdrawn(_ records: [ConsentRecord], at date: Date) -> Bool {
        let forProcessing = records.filter { $0.purpose == .processing }
        return !forProcessing.isEmpty && !forProcessing.contains { $0.isInForce(at: date) }
    }

    /// Checks the details of a new consent.
    public static func validate(givenBy: String, wordingVersion: String, givenAt: Date, now: Date) throws(ConsentError) {
        let name = givenBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= maximumGivenByLength else { throw .invalid("givenBy") }
        guard wordingVersion == Self.wordingVersion else { throw .unknownWordingVersion(wordingVersion) }
        guard givenAt <= now else { throw .givenInTheFuture }
    }
}

/// Why a consent could not be recorded or used.
public enum ConsentError: Error, Sendable, Hashable {
    /// A required detail is missing or unusable.
    case invalid(String)
    /// The wording version is not one the platform shows.
    case unknownWordingVersion(String)
    /// A consent cannot be given after the moment it is recorded.
    case givenInTheFuture
    /// It was withdrawn already.
    case alreadyWithdrawn
    /// Processing rests on a consent that was withdrawn.
    case withdrawn
    /// Consent is recorded while a request is open.
    case requestFinished
    /// No such consent record visible to the caller.
    case notFound
}
