/// The transitions of an alert, as pure rules: the sender's steps move the alert as a whole; the
/// recipients' steps move one member state's delivery, and only while the alert is sent.
/// Everything not listed is refused.
public enum AlertWorkflow {
    /// The sender's transitions: (from, action) → to.
    public static let transitions: [AlertTransition: AlertState] = [
        AlertTransition(.draft, .send): .sent,
        AlertTransition(.sent, .amend): .sent,
        AlertTransition(.sent, .close): .closed,
        AlertTransition(.sent, .withdraw): .withdrawn,
    ]

    /// The recipients' transitions of a delivery: (from, action, party) → to.
    public static let deliveryTransitions: [AlertDeliveryTransition: AlertDeliveryState] = [
        AlertDeliveryTransition(.received, .route, .recipientCoordinator): .routed,
        AlertDeliveryTransition(.routed, .route, .recipientCoordinator): .routed,
        AlertDeliveryTransition(.acknowledged, .route, .recipientCoordinator): .acknowledged,
        AlertDeliveryTransition(.routed, .acknowledge, .recipientAuthority): .acknowledged,
        AlertDeliveryTransition(.acknowledged, .acknowledge, .recipientAuthority): .acknowledged,
    ]

    /// The alert's state after its sender takes `action` in `state`, or the refusal.
    public static func next(from state: AlertState, _ action: AlertAction) throws(AlertWorkflowError) -> AlertState {
        guard let next = transitions[AlertTransition(state, action)] else { throw .notAllowed(state, action, .sender) }
        return next
    }

    /// A delivery's state after `party` takes `action`, while the alert is in `alert`; refused
    /// unless the alert is sent.
    public static func next(
        delivery: AlertDeliveryState, of alert: AlertState, _ action: AlertAction, by party: AlertParty
    ) throws(AlertWorkflowError) -> AlertDeliveryState {
        guard alert == .sent, let next = deliveryTransitions[AlertDeliveryTransition(delivery, action, party)] else {
            throw .notAllowed(alert, action, party)
        }
        return next
    }

    /// The steps `party` may take on an alert in `state` whose delivery (for a recipient) is `delivery`.
    public static func actions(in state: AlertState, delivery: AlertDeliveryState?, for party: AlertParty) -> [AlertAction] {
        AlertAction.allCases.filter { action in
            switch party {
            case .sender: transitions[AlertTransition(state, action)] != nil
            case .recipientCoordinator, .recipientAuthority:
                state == .sent && delivery.map { deliveryTransitions[AlertDeliveryTransition($0, action, party)] != nil } == true
            }
        }
    }
}

/// One step of the sender: from a state, an action.
public struct AlertTransition: Sendable, Hashable {
    /// The state before.
    public let from: AlertState
    /// The step.
    public let action: AlertAction

    /// Creates a transition key.
    public init(_ from: AlertState, _ action: AlertAction) {
        self.from = from
        self.action = action
    }
}

/// One step of a recipient on its state's delivery.
public struct AlertDeliveryTransition: Sendable, Hashable {
    /// The delivery's state before.
    public let from: AlertDeliveryState
    /// The step.
    public let action: AlertAction
    /// Who takes it.
    public let party: AlertParty

    /// Creates a transition key.
    public init(_ from: AlertDeliveryState, _ action: AlertAction, _ party: AlertParty) {
        self.from = from
        self.action = action
        self.party = party
    }
}

/// A refused alert step.
public enum AlertWorkflowError: Error, Sendable, Hashable {
    /// The step is not allowed for this party while the alert is in this state.
    case notAllowed(AlertState, AlertAction, AlertParty)
}
