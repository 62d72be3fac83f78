import Foundation

/// What a step may carry besides the action.
public struct StepDetails: Sendable, Hashable {
    /// A comment shown to the counterpart.
    public var comment: String?
    /// The language the comment is written in.
    public var commentLanguage: Language?
    /// With `accept`: another deadline the responder proposes.
    public var proposedDeadline: Date?
    /// With `forward`: the better-placed authority of the responder's state.
    public var forwardTo: Organisation?
    /// With `refer`: the coordinator asked to mediate.
    public var referTo: CoordinatorID?

    /// Creates step details.
    public init(
        comment: String? = nil, commentLanguage: Language? = nil, proposedDeadline: Date? = nil, forwardTo: Organisation? = nil,
        referTo: CoordinatorID? = nil
    ) {
        self.comment = comment
        self.commentLanguage = commentLanguage
        self.proposedDeadline = proposedDeadline
        self.forwardTo = forwardTo
        self.referTo = referTo
    }
}

extension InformationRequest {
    /// The request after `party` takes `action`; refuses what the workflow or the details do not allow.
    public func taking(
        _ action: RequestAction, by party: RequestParty, actor: StepActor, responderState: MemberStateCode?,
        details: StepDetails = StepDetails(),
        at now: Date
    ) throws(RequestStepError) -> InformationRequest {
        let next: RequestState
        do {
            next = try RequestWorkflow.next(from: state, action, by: party)
        } catch {
            throw .workflow(error)
        }
        var changed = self
        switch action {
        case .send:
            guard !questions.isEmpty || freeText != nil else { throw .nothingAsked }
            guard deadline > now else { throw .deadlineInThePast }
        case .accept:
            if let proposed = details.proposedDeadline {
                guard proposed > now else { throw .deadlineInThePast }
                changed.proposedDeadline = proposed
            }
        case .forward:
            guard let target = details.forwardTo, let targetID = target.id.authority else { throw .forwardTargetMissing }
            guard target.memberState == responderState, targetID != involvement.responder, targetID != involvement.requester else {
                throw .forwardOutsideResponderState
            }
            guard target.legalAreas.contains(legalArea.rawValue), target.isActive else { throw .forwardTargetNotCompetent }
            changed.involvement.earlierResponders.append(involvement.responder)
            changed.involvement.responder = targetID
            changed.proposedDeadline = nil
            changed.allocatedTo = nil
        case .answer:
            guard questions.allSatisfy({ answers[$0] != nil }) else { throw .unansweredQuestions(questions.filter { answers[$0] == nil }) }
        case .refer:
            guard let coordinator = details.referTo else { throw .coordinatorMissing }
            changed.involvement.referredTo = coordinator
        case .close, .closeByCoordinator:
            changed.formalClosureDate = now
        case .withdraw, .requestAdditionalInformation, .provideAdditionalInformation, .returnToResponder, .allocate:
            // Allocation is no transition: `RequestWorkflow.next` has already refused it.
            break
        }
        changed.state = next
        changed.version += 1
        changed.steps.append(
            RequestStep(
                action: action, from: state, to: next, actor: actor, at: now, comment: details.comment,
                commentLanguage: details.commentLanguage))
        return changed
    }

    /// The requester's decision on a deadline the responder proposed.
    public func decidingProposedDeadline(accept: Bool) throws(RequestStepError) -> InformationRequest {
        guard let proposed = proposedDeadline else { throw .noDeadlineProposed }
        var changed = self
        if accept { changed.deadline = proposed }
        changed.proposedDeadline = nil
        changed.version += 1
        return changed
    }

    /// The request with `answer` recorded for `question`, checking the sensitive-data rule against
    /// the request's consent records at `now`.
    public func answering(
        _ question: Question, with answer: Answer, area: LegalArea, attachments: Set<UUID> = [], consents: [ConsentRecord] = [],
        at now: Date = .distantPast
    ) throws(RequestStepError) -> InformationRequest {
        guard state == .accepted, questions.contains(question.id) else { throw .notAnswerable }
        guard question.accepts(answer.value, attachments: attachments) else { throw .invalidAnswer(question.id) }
        if question.sensitive {
            do {
                try SensitiveDataRule.check(area: area, justification: answer.justification, consents: consents, at: now)
            } catch {
                throw .sensitiveData(error)
            }
        }
        var changed = self
        changed.answers[question.id] = answer
        changed.version += 1
        return changed
    }

    /// Whether the answer is late at `now`.
    public func isOverdue(at now: Date) -> Bool {
        !state.isFinal && state != .answered && state != .draft && now > deadline
    }
}

/// Why a step was refused.
public enum RequestStepError: Error, Sendable, Hashable {
    /// Only a draft can be edited.
    case notADraft
    /// The workflow does not allow it.
    case workflow(WorkflowError)
    /// A request must ask at least one question or carry free text.
    case nothingAsked
    /// A deadline must lie in the future.
    case deadlineInThePast
    /// Forwarding needs a target authority.
    case forwardTargetMissing
    /// Forwarding stays within the responder's member state, to another authority.
    case forwardOutsideResponderState
    /// The target is not validated or not registered for the legal area.
    case forwardTargetNotCompetent
    /// Every question asked must be answered first.
    case unansweredQuestions([String])
    /// Referring needs the coordinator.
    case coordinatorMissing
    /// No deadline was proposed.
    case noDeadlineProposed
    /// Answers are given to asked questions while the request is accepted.
    case notAnswerable
    /// The sensitive-data rule refused the answer.
    case sensitiveData(RequestDataError)
    /// The value does not fit the question's answer type.
    case invalidAnswer(String)
    /// The request can be allocated only while the responder works on it, to one of its request handlers.
    case allocationNotAllowed
    /// A field of an opening of blocked data is missing or malformed.
    case invalidOpening(String, InvalidFieldReason)
}
