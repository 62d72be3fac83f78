import Foundation

/// A data-protection question a user sends to the national IMI coordinator of their member state
/// from inside the system, with its answer once given (IMI Regulation, Art. 6(1)(c)).
public struct CoordinatorQuestion: Sendable, Hashable, Identifiable {
    /// Longest subject line accepted.
    public static let maximumSubjectLength = 200
    /// Longest question or answer accepted.
    public static let maximumTextLength = 5_000

    /// The question's identifier.
    public internal(set) var id: UUID
    /// The member state whose national coordinator is asked.
    public internal(set) var memberState: MemberStateCode
    /// The national coordinator asked.
    public internal(set) var coordinatorID: CoordinatorID
    /// The user who asked.
    public internal(set) var askedBy: UserID
    /// The asker's organisation.
    public internal(set) var askerOrganisation: OrganisationKind
    /// The asker's organisation's identifier.
    public internal(set) var askerOrganisationID: UUID
    /// A short subject line.
    public internal(set) var subject: String
    /// The question.
    public internal(set) var text: String
    /// When it was asked.
    public internal(set) var askedAt: Date
    /// The coordinator's answer, once given.
    public internal(set) var answer: CoordinatorAnswer?

    /// Creates a question as stored.
    public init(
        id: UUID, memberState: MemberStateCode, coordinatorID: CoordinatorID, askedBy: UserID, askerOrganisation: OrganisationKind,
        askerOrganisationID: UUID, subject: String, text: String, askedAt: Date, answer: CoordinatorAnswer?
    ) {
        self.id = id
        self.memberState = memberState
        self.coordinatorID = coordinatorID
        self.askedBy = askedBy
        self.askerOrganisation = askerOrganisation
        self.askerOrganisationID = askerOrganisationID
        self.subject = subject
        self.text = text
        self.askedAt = askedAt
        self.answer = answer
    }

    /// A new question from `principal` to `coordinator`, the national coordinator of the asker's state.
    public static func asking(
        subject: String, text: String, by principal: Principal, coordinator: CoordinatorID, id: UUID, at now: Date
    ) throws(CoordinatorQuestionError) -> CoordinatorQuestion {
        guard let state = principal.organisation.memberState, let organisationID = principal.organisation.id.uuid else {
            throw .noNationalCoordinator
        }
        let subject = try Self.checked(subject, field: "subject", maximum: maximumSubjectLength)
        let text = try Self.checked(text, field: "text", maximum: maximumTextLength)
        return CoordinatorQuestion(
            id: id, memberState: state, coordinatorID: coordinator, askedBy: principal.user.id,
            askerOrganisation: principal.organisation.kind,
            askerOrganisationID: organisationID, subject: subject, text: text, askedAt: now, answer: nil)
    }

    /// The question with `text` as its answer; a question is answered once.
    public func answering(_ text: String, by user: UserID, at now: Date) throws(CoordinatorQuestionError) -> CoordinatorQuestion {
        guard answer == nil else { throw .alreadyAnswered }
        var answered = self
        answered.answer = CoordinatorAnswer(
            text: try Self.checked(text, field: "answer", maximum: Self.maximumTextLength), by: user, at: now)
        return answered
    }

    /// Whether `principal` may read the question: its asker, or a user of the coordinator asked.
    public func isVisible(to principal: Principal) -> Bool {
        principal.user.id == askedBy || CoordinatorQuestionRule.answers(principal, for: memberState, coordinator: coordinatorID)
    }

    static func checked(_ text: String, field: String, maximum: Int) throws(CoordinatorQuestionError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missing(field) }
        guard trimmed.count <= maximum else { throw .tooLong(field, maximum: maximum) }
        return trimmed
    }
}

/// A national coordinator's answer.
public struct CoordinatorAnswer: Sendable, Hashable {
    /// The answer.
    public internal(set) var text: String
    /// The coordinator's user who answered.
    public internal(set) var by: UserID
    /// When.
    public internal(set) var at: Date

    /// Creates an answer.
    public init(text: String, by: UserID, at: Date) {
        self.text = text
        self.by = by
        self.at = at
    }
}

/// Who asks and who answers.
public enum CoordinatorQuestionRule {
    /// Whether `principal` may ask a question: an active user of an organisation of a member state.
    public static func mayAsk(_ principal: Principal) -> Bool {
        principal.user.status == .active && principal.organisation.isActive && principal.organisation.memberState != nil
            && principal.organisation.id != .platform
    }

    /// Whether `principal` answers for the national coordinator `coordinator` of `state`.
    public static func answers(_ principal: Principal, for state: MemberStateCode, coordinator: CoordinatorID) -> Bool {
        principal.user.status == .active && principal.organisation.kind == .nationalCoordinator
            && principal.organisation.id == .nationalCoordinator(coordinator) && principal.organisation.memberState == state
            && principal.holds(.nationalCoordinator)
    }
}

/// Why a question or an answer was refused.
public enum CoordinatorQuestionError: Error, Sendable, Hashable {
    /// The asker's state has no national coordinator (or the asker belongs to no state).
    case noNationalCoordinator
    /// A field is empty.
    case missing(String)
    /// A field is longer than allowed.
    case tooLong(String, maximum: Int)
    /// The question was answered already.
    case alreadyAnswered
    /// No such question visible to the caller.
    case notFound
}
