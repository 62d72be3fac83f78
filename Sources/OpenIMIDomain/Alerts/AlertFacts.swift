import Foundation

/// What decides who may see and act on an alert, known without opening its personal data.
public struct AlertFacts: Sendable, Hashable {
    /// The sending authority.
    public let sender: UUID
    /// Its member state.
    public let senderState: MemberStateCode
    /// The alert's legal area.
    public let legalArea: String
    /// Where the alert stands.
    public let state: AlertState
    /// The member states it was sent to.
    public let recipientStates: Set<MemberStateCode>
    /// The authorities it was routed to.
    public let routedTo: Set<UUID>
    /// Whether the Commission (the platform operator) is told that it exists (Services Directive alerts).
    public let commissionInformed: Bool

    /// Creates the facts.
    public init(
        sender: UUID, senderState: MemberStateCode, legalArea: String, state: AlertState, recipientStates: Set<MemberStateCode>,
        routedTo: Set<UUID>, commissionInformed: Bool
    ) {
        self.sender = sender
        self.senderState = senderState
        self.legalArea = legalArea
        self.state = state
        self.recipientStates = recipientStates
        self.routedTo = routedTo
        self.commissionInformed = commissionInformed
    }
}

extension Alert {
    /// The alert's access facts; `commissionInformed` from its template's recipient rule.
    public func facts(commissionInformed: Bool) -> AlertFacts {
        AlertFacts(
            sender: sender, senderState: senderState, legalArea: legalArea.rawValue, state: state,
            recipientStates: Set(deliveries.keys), routedTo: deliveries.values.reduce(into: Set<UUID>()) { $0.formUnion($1.routedTo) },
            commissionInformed: commissionInformed)
    }
}
