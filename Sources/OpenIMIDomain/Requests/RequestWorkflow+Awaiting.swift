/// Whose move it is: what inboxes and the home page mean by "waits for us" and "waits for them".
extension RequestWorkflow {
    /// The party whose step the request waits for in `state`; nil once it is finished. An accepted
    /// request with a proposed deadline waits for the requester's decision on it.
    public static func awaitedParty(in state: RequestState, hasProposedDeadline: Bool) -> RequestParty? {
        switch state {
        case .draft, .additionalInformationRequested, .answered: .requester
        case .sent, .forwarded: .responder
        case .accepted: hasProposedDeadline ? .requester : .responder
        case .referred: .coordinator
        case .closed, .withdrawn: nil
        }
    }

    /// The open states in which a request waits for `party`, each with whether it must (true),
    /// must not (false) or may (nil) carry a proposed deadline.
    public static func states(awaiting party: RequestParty) -> [(state: RequestState, hasProposedDeadline: Bool?)] {
        RequestState.allCases.filter { !$0.isFinal }.compactMap { state in
            let with = awaitedParty(in: state, hasProposedDeadline: true) == party
            let without = awaitedParty(in: state, hasProposedDeadline: false) == party
            switch (with, without) {
            case (true, true): return (state, nil)
            case (true, false): return (state, true)
            case (false, true): return (state, false)
            case (false, false): return nil
            }
        }
    }
}
