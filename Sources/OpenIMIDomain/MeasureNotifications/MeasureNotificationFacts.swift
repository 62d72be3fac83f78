import Foundation

/// What decides who may see and act on a notification.
public struct MeasureNotificationFacts: Sendable, Hashable {
    /// The notifying organisation.
    public let sender: UUID
    /// Its member state.
    public let senderState: MemberStateCode
    /// The notification's legal area.
    public let legalArea: String
    /// Where it stands.
    public let state: MeasureNotificationState
    /// The member states it was sent to.
    public let recipientStates: Set<MemberStateCode>

    /// Creates the facts.
    public init(
        sender: UUID, senderState: MemberStateCode, legalArea: String, state: MeasureNotificationState,
        recipientStates: Set<MemberStateCode>
    ) {
        self.sender = sender
        self.senderState = senderState
        self.legalArea = legalArea
        self.state = state
        self.recipientStates = recipientStates
    }
}

extension MeasureNotification {
    /// The notification's access facts.
    public var facts: MeasureNotificationFacts {
        MeasureNotificationFacts(
            sender: sender, senderState: senderState, legalArea: legalArea.rawValue, state: state, recipientStates: recipients)
    }
}
