import Foundation

/// An information request between two authorities of different member states under one procedure.
public struct InformationRequest: Sendable, Hashable, Identifiable {
    /// The request's identifier.
    public var id: UUID
    /// The procedure it is made under.
    public var procedure: String
    /// The procedure's legal area.
    public var legalArea: String
    /// The version of the question set the questions come from.
    public var questionSetVersion: Int
    /// Who takes part.
    public var involvement: Involvement
    /// Where it stands.
    public var state: RequestState
    /// Increases with every change, for optimistic concurrency.
    public var version: Int
    /// The date by which an answer is needed.
    public var deadline: Date
    /// Another date proposed by the responder when accepting, until the requester decides.
    public var proposedDeadline: Date?
    /// The person or business concerned (personal data).
    public var subject: DataSubject
    /// The ids of the questions asked.
    public var questions: [String]
    /// Free text of the requester, with its language (personal data).
    public var freeText: FreeText?
    /// The answers by question id (personal data).
    public var answers: [String: Answer]
    /// Every step, in order.
    public var steps: [RequestStep]
    /// When it was formally closed; retention counts from here.
    public var formalClosureDate: Date?
    /// The request handler of the current responder an allocator routed it to, if any.
    public var allocatedTo: UUID?

    /// A new draft.
    public init(
        id: UUID, procedure: String, legalArea: String, questionSetVersion: Int, involvement: Involvement, deadline: Date,
        subject: DataSubject, questions: [String], freeText: FreeText?, createdBy: StepActor, at now: Date
    ) {
        self.id = id
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
    public var text: String
    /// The language it was written in.
    public var language: Language

    /// Creates a text.
    public init(text: String, language: Language) {
        self.text = text
        self.language = language
    }
}

/// An answer to one question.
public struct Answer: Sendable, Hashable, Codable {
    /// The value as text (yes/no, ISO date, number, text, option ids joined by commas, or an attachment id).
    public var value: String
    /// Why sensitive data are necessary for the decision; required for sensitive questions.
    public var justification: String?
    /// The language of a free-text answer.
    public var language: Language?

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
    public var userID: UUID
    /// Their organisation.
    public var organisationID: UUID

    /// Creates an actor.
    public init(userID: UUID, organisationID: UUID) {
        self.userID = userID
        self.organisationID = organisationID
    }
}

/// One recorded step: who, when, what, and a comment.
public struct RequestStep: Sendable, Hashable, Codable {
    /// The action; nil for the creation of the draft.
    public var action: RequestAction?
    /// The state before.
    public var from: RequestState?
    /// The state after.
    public var to: RequestState
    /// Who took it.
    public var actor: StepActor
    /// When.
    public var at: Date
    /// The comment given with it.
    public var comment: String?

    /// Creates a step record.
    public init(action: RequestAction?, from: RequestState?, to: RequestState, actor: StepActor, at: Date, comment: String?) {
        self.action = action
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.comment = comment
    }
}
