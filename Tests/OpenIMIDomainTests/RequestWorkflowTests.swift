import OpenIMIDomain
import Testing

/// Every (state, action, party) combination: the listed ones lead where the workflow says, all
/// others are refused with a clear error.
@Suite struct RequestWorkflowTests {
    /// The workflow of the product brief, written out independently of the implementation's table.
    static let expected: [String: RequestState] = [
        "draft send requester": .sent,
        "sent withdraw requester": .withdrawn, "forwarded withdraw requester": .withdrawn, "accepted withdraw requester": .withdrawn,
        "additional-information-requested withdraw requester": .withdrawn,
        "sent accept responder": .accepted, "forwarded accept responder": .accepted,
        "sent forward responder": .forwarded, "forwarded forward responder": .forwarded, "accepted forward responder": .forwarded,
        "accepted request-additional-information responder": .additionalInformationRequested,
        "additional-information-requested provide-additional-information requester": .accepted,
        "accepted answer responder": .answered,
        "answered close requester": .closed, "answered refer requester": .referred,
        "referred return-to-responder coordinator": .accepted, "referred close-by-coordinator coordinator": .closed,
    ]

    @Test(arguments: RequestState.allCases)
    func everyCombinationIsAllowedOrRefused(state: RequestState) {
        for action in RequestAction.allCases {
            for party in RequestParty.allCases {
                let key = "\(state.rawValue) \(action.rawValue) \(party.rawValue)"
                do {
                    let next = try RequestWorkflow.next(from: state, action, by: party)
                    #expect(Self.expected[key] == next, "\(key) led to \(next)")
                } catch {
                    #expect(Self.expected[key] == nil, "\(key) was refused")
                    #expect(error == .transitionNotAllowed(from: state, action: action, party: party))
                }
            }
        }
    }

    @Test func finishedRequestsAllowNothing() {
        for state in RequestState.allCases where state.isFinal {
            for party in RequestParty.allCases { #expect(RequestWorkflow.actions(in: state, for: party).isEmpty) }
        }
        #expect(RequestWorkflow.actions(in: .answered, for: .requester) == [.close, .refer])
        #expect(RequestWorkflow.actions(in: .draft, for: .responder).isEmpty)
    }

    @Test func aWholeExchangeWithForwardAndAdditionalInformation() throws {
        var state = RequestState.draft
        for (action, party) in [
            (RequestAction.send, RequestParty.requester), (.forward, .responder), (.accept, .responder),
            (.requestAdditionalInformation, .responder), (.provideAdditionalInformation, .requester), (.answer, .responder),
            (.refer, .requester), (.returnToResponder, .coordinator), (.answer, .responder), (.close, .requester),
        ] {
            state = try RequestWorkflow.next(from: state, action, by: party)
        }
        #expect(state == .closed)
    }
}
