/// The transitions of an information request, as pure rules: which party may take which step from
/// which state, and where it leads. Everything not listed is refused.
public enum RequestWorkflow {
    /// Every allowed transition: (from, action, party) → to.
    public static let transitions: [Transition: RequestState] = [
        Transition(.draft, .send, .requester): .sent,
        Transition(.sent, .withdraw, .requester): .withdrawn,
        Transition(.forwarded, .withdraw, .requester): .withdrawn,
        Transition(.accepted, .withdraw, .requester): .withdrawn,
        Transition(.additionalInformationRequested, .withdraw, .requester): .withdrawn,
        Transition(.sent, .accept, .responder): .accepted,
        Transition(.forwarded, .accept, .responder): .accepted,
        Transition(.sent, .forward, .responder): .forwarded,
        Transition(.forwarded, .forward, .responder): .forwarded,
        Transition(.accepted, .forward, .responder): .forwarded,
        Transition(.accepted, .requestAdditionalInformation, .responder): .additionalInformationRequested,
        Transition(.additionalInformationRequested, .provideAdditionalInformation, .requester): .accepted,
        Transition(.accepted, .answer, .responder): .answered,
        Transition(.answered, .close, .requester): .closed,
        Transition(.answered, .refer, .requester): .referred,
        Transition(.referred, .returnToResponder, .coordinator): .accepted,
        Transition(.referred, .closeByCoordinator, .coordinator): .closed,
    ]

    /// The state after `party` takes `action` in `state`, or the refusal.
    public static func next(from state: RequestState, _ action: RequestAction, by party: RequestParty) throws(WorkflowError) -> RequestState
    {
        guard let next = transitions[Transition(state, action, party)] else {
            throw .transitionNotAllowed(from: state, action: action, party: party)
        }
        return next
    }

    /// The actions `party` may take in `state`, for showing only the buttons that work.
    public static func actions(in state: RequestState, for party: RequestParty) -> [RequestAction] {
        RequestAction.allCases.filter { transitions[Transition(state, $0, party)] != nil }
    }

    /// One possible step: from a state, an action, by a party.
    public struct Transition: Sendable, Hashable {
        /// The state before.
        public let from: RequestState
        /// The step.
        public let action: RequestAction
        /// Who takes it.
        public let party: RequestParty

        /// Creates a transition key.
        public init(_ from: RequestState, _ action: RequestAction, _ party: RequestParty) {
            self.from = from
            self.action = action
            self.party = party
        }
    }
}

/// A refused workflow step.
public enum WorkflowError: Error, Sendable, Hashable {
    /// The step is not allowed for this party in this state.
    case transitionNotAllowed(from: RequestState, action: RequestAction, party: RequestParty)
}
