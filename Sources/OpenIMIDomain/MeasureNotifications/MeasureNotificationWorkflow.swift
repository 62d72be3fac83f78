/// The transitions of a notification, as pure rules: (from, action, party) → to. Everything not
/// listed is refused.
public enum MeasureNotificationWorkflow {
    /// Every allowed step.
    public static let transitions: [MeasureNotificationTransition: MeasureNotificationState] = [
        MeasureNotificationTransition(.draft, .send, .sender): .sent,
        MeasureNotificationTransition(.sent, .comment, .sender): .sent,
        MeasureNotificationTransition(.sent, .comment, .recipient): .sent,
        MeasureNotificationTransition(.sent, .close, .sender): .closed,
    ]

    /// The state after `party` takes `action` in `state`, or the refusal.
    public static func next(
        from state: MeasureNotificationState, _ action: MeasureNotificationAction, by party: MeasureNotificationParty
    ) throws(MeasureNotificationError) -> MeasureNotificationState {
        guard let next = transitions[MeasureNotificationTransition(state, action, party)] else {
            throw .notAllowed(state, action, party)
        }
        return next
    }

    /// The steps `party` may take in `state`.
    public static func actions(in state: MeasureNotificationState, for party: MeasureNotificationParty) -> [MeasureNotificationAction] {
        MeasureNotificationAction.allCases.filter { transitions[MeasureNotificationTransition(state, $0, party)] != nil }
    }
}

/// One step: from a state, an action, by a party.
public struct MeasureNotificationTransition: Sendable, Hashable {
    /// The state before.
    public let from: MeasureNotificationState
    /// The step.
    public let action: MeasureNotificationAction
    /// Who takes it.
    public let party: MeasureNotificationParty

    /// Creates a transition key.
    public init(_ from: MeasureNotificationState, _ action: MeasureNotificationAction, _ party: MeasureNotificationParty) {
        self.from = from
        self.action = action
        self.party = party
    }
}

/// Why a notification could not be written or changed.
public enum MeasureNotificationError: Error, Sendable, Hashable {
    /// A field left empty (`title`, `text`, `comment`).
    case missing(String)
    /// A field longer than allowed.
    case tooLong(String)
    /// Sent to no member state, or to the sender's own.
    case recipients
    /// The step is not one the party may take in that state.
    case notAllowed(MeasureNotificationState, MeasureNotificationAction, MeasureNotificationParty)
    /// Documents attached or removed once it has left the draft.
    case attachmentsFixed
    /// More documents than ``MeasureNotification/maximumAttachments``.
    case tooManyAttachments(maximum: Int)
}
