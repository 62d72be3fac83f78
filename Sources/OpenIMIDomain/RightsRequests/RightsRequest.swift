import Foundation

/// Which right a person exercises (IMI Regulation, Art. 19; GDPR Art. 15–18).
public enum RightsRequestKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Access to their data.
    case access
    /// Correction of inaccurate or incomplete data.
    case rectification
    /// Erasure of unlawfully processed data.
    case erasure
    /// Restriction (blocking) of processing.
    case restriction
}

/// Where a rights request stands.
public enum RightsRequestStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Received, not yet answered.
    case received
    /// Answered: the right was granted.
    case completed
    /// Answered: the right was refused, with the reasons in the outcome.
    case refused

    /// Whether the request was answered.
    public var isHandled: Bool { self != .received }
}

/// A request from a person to an authority about their own data, kept in the authority's register
/// and answered within 30 days.
public struct RightsRequest: Sendable, Hashable, Identifiable {
    /// Days an authority has to answer.
    public static let daysToAnswer = 30
    /// Longest identification note or outcome accepted.
    public static let maximumTextLength = 2_000

    /// The register entry's identifier.
    public internal(set) var id: UUID
    /// The authority whose register it is in.
    public internal(set) var authorityID: UUID
    /// The authority's member state.
    public internal(set) var memberState: MemberStateCode
    /// The right exercised.
    public internal(set) var kind: RightsRequestKind
    /// The person, as they named themselves (personal data, stored sealed).
    public internal(set) var subject: DataSubject
    /// How the authority established who the person is (stored sealed).
    public internal(set) var identification: String
    /// The person's language: exports and notices for them are in it.
    public internal(set) var language: Language
    /// The day it was received (YYYY-MM-DD).
    public internal(set) var receivedOn: String
    /// Where it stands.
    public internal(set) var status: RightsRequestStatus
    /// What was done, or why it was refused (stored sealed).
    public internal(set) var outcome: String?
    /// When it was answered.
    public internal(set) var handledAt: Date?
    /// The user who entered it.
    public internal(set) var recordedBy: UUID
    /// Bumped at every change, for optimistic concurrency.
    public internal(set) var version: Int

    /// Creates a register entry as stored.
    public init(
        id: UUID, authorityID: UUID, memberState: MemberStateCode, kind: RightsRequestKind, subject: DataSubject, identification: String,
        language: Language, receivedOn: String, status: RightsRequestStatus, outcome: String?, handledAt: Date?, recordedBy: UUID,
        version: Int
    ) {
        self.id = id
        self.authorityID = authorityID
        self.memberState = memberState
        self.kind = kind
        self.subject = subject
        self.identification = identification
        self.language = language
        self.receivedOn = receivedOn
        self.status = status
        self.outcome = outcome
        self.handledAt = handledAt
        self.recordedBy = recordedBy
        self.version = version
    }

    /// The last day to answer: 30 days after it was received.
    public var dueOn: String { Self.dueDay(receivedOn: receivedOn) ?? receivedOn }

    /// Whether it is still unanswered after its due day, at `now` (UTC days).
    public func isOverdue(at now: Date) -> Bool {
        !status.isHandled && Self.day(of: now) > dueOn
    }

    /// A new entry in `authority`'s register, checked.
    public static func receiving(
        _ kind: RightsRequestKind, subject: DataSubject, identification: String, language: Language, receivedOn: String,
        authority: Organisation, by user: UUID, id: UUID, now: Date
    ) throws(RightsRequestError) -> RightsRequest {
        guard let authorityID = authority.id.authority?.uuid, let state = authority.memberState else { throw .notAnAuthority }
        do { try subject.validate() } catch { throw .invalid("subject") }
        guard DataSubject.isCalendarDay(receivedOn), receivedOn <= day(of: now) else { throw .invalid("receivedOn") }
        let identification = identification.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !identification.isEmpty, identification.count <= maximumTextLength else { throw .invalid("identification") }
        return RightsRequest(
            id: id, authorityID: authorityID, memberState: state, kind: kind, subject: subject, identification: identification,
            language: language, receivedOn: receivedOn, status: .received, outcome: nil, handledAt: nil, recordedBy: user, version: 1)
    }

    /// The entry answered with `status` and `outcome`; answered once.
    public func handling(_ status: RightsRequestStatus, outcome: String, at now: Date) throws(RightsRequestError) -> RightsRequest {
        guard !self.status.isHandled else { throw .alreadyHandled }
        guard status.isHandled else { throw .invalid("status") }
        let outcome = outcome.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !outcome.isEmpty, outcome.count <= Self.maximumTextLength else { throw .invalid("outcome") }
        var handled = self
        handled.status = status
        handled.outcome = outcome
        handled.handledAt = now
        handled.version += 1
        return handled
    }

    /// The UTC day of `date`, as YYYY-MM-DD.
    public static func day(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The day `daysToAnswer` after `receivedOn`.
    public static func dueDay(receivedOn: String) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = receivedOn.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3,
            let start = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            let due = calendar.date(byAdding: .day, value: daysToAnswer, to: start)
        else { return nil }
        return day(of: due)
    }
}

/// Why a rights request could not be recorded or changed.
public enum RightsRequestError: Error, Sendable, Hashable {
    /// Only an authority keeps a register.
    case notAnAuthority
    /// A field is missing or malformed.
    case invalid(String)
    /// It was answered already.
    case alreadyHandled
    /// No such entry in the caller's register.
    case notFound
    /// The field cannot be corrected this way.
    case notCorrectable(String)
    /// An alert's content is erased or corrected only through the register of the authority that sent it.
    case notTheSender
}
