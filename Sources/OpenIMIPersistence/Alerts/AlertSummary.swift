import Foundation
import OpenIMIDomain

/// An alert as lists show it: what it is and where it stands, never its personal data, so listing
/// is not a read of them.
public struct AlertSummary: Sendable, Hashable {
    /// The alert.
    public let id: AlertID
    /// Its number.
    public let number: AlertNumber
    /// Its procedure.
    public let procedure: ProcedureCode
    /// Its legal area.
    public let legalArea: LegalAreaCode
    /// The sending authority.
    public let sender: UUID
    /// Its member state.
    public let senderState: MemberStateCode
    /// Where it stands.
    public let state: AlertState
    /// Its version, for the next step.
    public let version: Int
    /// The delivery's state in the member state the list is for (received lists), nil otherwise.
    public let delivery: AlertDeliveryState?
    /// Whether its personal data are still held.
    public let retentionPhase: RetentionPhase
    /// When the decision it reports was taken, when the template has such a field.
    public let decisionDay: Date?
    /// When it was sent.
    public let sentAt: Date?
    /// When it last changed.
    public let updatedAt: Date
}

/// Which alerts a list holds; the service decides from the principal's roles which of these it may ask.
public enum AlertListScope: Sendable, Hashable {
    /// Sent (and drafted) by the authority, in the areas given.
    case sentBy(UUID, areas: Set<String>)
    /// Routed to the authority, in the areas given.
    case routedTo(UUID, areas: Set<String>)
    /// Delivered to the member state, in the areas given (nil: all), with that state's delivery.
    case deliveredTo(MemberStateCode, areas: Set<String>?)
    /// Sent under the procedures given (the Commission's view of Services Directive alerts).
    case procedures(Set<String>)
}
