import Foundation

/// An information request between two authorities of different member states under one procedure.
public struct InformationRequest: Sendable, Hashable, Identifiable {
    /// The request's identifier.
    public internal(set) var id: RequestID
    /// The number people use for it, given at creation.
    public internal(set) var number: RequestNumber
    /// The procedure it is made under.
    public internal(set) var procedure: ProcedureCode
    /// The procedure's legal area.
    public internal(set) var legalArea: LegalAreaCode
    /// The version of the question set the questions come from.
    public internal(set) var questionSetVersion: Int
    /// Who takes part.
    public internal(set) var involvement: Involvement
    /// Where it stands.
    public internal(set) var state: RequestState
    /// Increases with every change, for optimistic concurrency.
    public internal(set) var version: Int
    /// The date by which an answer is needed.
    public internal(set) var deadline: Date
    /// Another date proposed by the responder when accepting, until the requester decides.
    public internal(set) var proposedDeadline: Date?
    /// The person or business concerned (personal data).
    public internal(set) var subject: DataSubject
    /// The ids of the questions asked.
    public internal(set) var questions: [String]
    /// Free text of the requester, with its language (personal data).
    public internal(set) var freeText: FreeText?
    /// The answers by question id (personal data).
    public internal(set) var answers: [String: Answer]
    /// Every step, in order.
    public internal(set) var steps: [RequestStep]
    /// When it was formally closed; retention counts from here.
    public internal(set) var formalClosureDate: Date?
    /// The request handler of the current responder an allocator routed it to, if any.
    public internal(set) var allocatedTo: UserID?

    /// A new draft.
    public init(
        id: RequestID, number: RequestNumber, procedure: ProcedureCode, legalArea: LegalAreaCode, questionSetVersion: Int,
        involvement: Involvement, deadline: Date,
        subject: DataSubject, questions: [String], freeText: FreeText?, createdBy: StepActor, at now: Date
    ) {
        self.id = id
        self.number = number
        self.procedure = procedure
        self.legalArea = legalArea
        self.questionSetVersion = questionSetVersion
        self.involvement = involvement
        self.state = .draft
        self.version = 1
        self.deadline = deadline
        self.proposedDeadline = nil
        self.subject = subject
        self.questions = questions
        self.freeText = freeText
        self.answers = [:]
        self.steps = [RequestStep(action: nil, from: nil, to: .draft, actor: createdBy, at: now, comment: nil)]
        self.formalClosureDate = nil
        self.allocatedTo = nil
    }
}

/// Text entered by a user, kept with its language so readers know what to translate.
public struct FreeText: Sendable, Hashable, Codable {
    /// The text.
    public internal(set) var text: String
    /// The language it was written in.
    public internal(set) var language: Language

    /// Creates a text.
    public init(text: String, language: Language) {
        self.text = text
        self.language = language
    }
}

/// An answer to one question.
public struct Answer: Sendable, Hashable, Codable {
    /// The value as text (yes/no, ISO date, number, text, option ids joined by commas, or an attachment id).
    public internal(set) var value: String
    /// Why sensitive data are necessary for the decision; required for sensitive questions.
    public internal(set) var justification: String?
    /// The language of a free-text answer.
    public internal(set) var language: Language?

    /// Creates an answer.
    public init(value: String, justification: String? = nil, language: Language? = nil) {
        self.value = value
        self.justification = justification
        self.language = language
    }
}

/// Who took a step.
public struct StepActor: Sendable, Hashable, Codable {
    /// The user.
    public internal(set) var userID: UserID
    /// Their organisation.
    public internal(set) var organisationID: UUID

    /// Creates an actor.
    public init(userID: UserID, organisationID: UUID) {
        self.userID = userID
        self.organisationID = organisationID
    }
}

/// One recorded step: who, when, what, and a comment.
public struct RequestStep: Sendable, Hashable, Codable {
    /// The action; nil for the creation of the draft.
    public internal(set) var action: RequestAction?
    /// The state before.
    public internal(set) var from: RequestState?
    /// The state after.
    public internal(set) var to: RequestState
    /// Who took it.
    public internal(set) var actor: StepActor
    /// When.
    public internal(set) var at: Date
    /// The comment given with it.
    public internal(set) var comment: String?
    /// The language the comment was written in.
    public internal(set) var commentLanguage: Language?
    /// The handler an allocation routed the request to.
    public internal(set) var allocatedTo: UserID?

    /// Creates a step record.
    public init(
        action: RequestAction?, from: RequestState?, to: RequestState, actor: StepActor, at: Date, comment: String?,
        commentLanguage: Language? = nil, allocatedTo: UserID? = nil
    ) {
        self.action = action
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.comment = comment
        self.commentLanguage = comment == nil ? nil : commentLanguage
        self.allocatedTo = allocatedTo
    }
}
