/// Where an information request stands in its one-to-one workflow.
public enum RequestState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being written by the requesting authority; private to it.
    case draft
    /// Sent to the responding authority, not yet accepted.
    case sent
    /// Passed by the responder to a better-placed authority of its own state, which must accept it.
    case forwarded
    /// Accepted by the responder, which works on the answer.
    case accepted
    /// The responder asked the requester for more information.
    case additionalInformationRequested = "additional-information-requested"
    /// Answered; the requester accepts the answer or refers it to a coordinator.
    case answered
    /// Referred to a coordinator because the requester disagrees with the answer.
    case referred
    /// Formally closed; retention counts from this moment.
    case closed
    /// Withdrawn by the requester after sending.
    case withdrawn

    /// Whether the request is finished.
    public var isFinal: Bool { self == .closed || self == .withdrawn }
}

/// Which side of a request acts.
public enum RequestParty: String, Sendable, Hashable, Codable, CaseIterable {
    /// The requesting authority.
    case requester
    /// The current responding authority.
    case responder
    /// The coordinator the request was referred to.
    case coordinator
}

/// The steps of the workflow.
public enum RequestAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Requester sends a draft.
    case send
    /// Requester withdraws a sent request.
    case withdraw
    /// Responder accepts (it may propose another deadline).
    case accept
    /// Responder forwards to a better-placed authority of its own state.
    case forward
    /// Responder asks for additional information.
    case requestAdditionalInformation = "request-additional-information"
    /// Requester gives the additional information.
    case provideAdditionalInformation = "provide-additional-information"
    /// Responder answers.
    case answer
    /// Requester accepts the answer and formally closes.
    case close
    /// Requester disagrees and refers the request to a coordinator.
    case refer
    /// The coordinator sends the request back to the responder for a new answer.
    case returnToResponder = "return-to-responder"
    /// The coordinator mediates and closes.
    case closeByCoordinator = "close-by-coordinator"
    /// The responder's allocator routed the request to a handler: recorded in the history, never a
    /// transition of the workflow (the state stays as it was).
    case allocate
}
