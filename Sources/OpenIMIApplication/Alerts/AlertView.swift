import Foundation
import OpenIMIDomain

/// What a principal is shown of an alert.
public enum AlertView: Sendable {
    /// Everything, personal data included (the read was logged).
    case full(Alert)
    /// Only that it exists: for the recipient states' coordinators who route it and, for Services
    /// alerts, the operator.
    case existence(AlertExistence)
}

/// An alert without its personal data: what it is, who sent it, where it stands, and the delivery
/// in the viewer's own member state.
public struct AlertExistence: Sendable, Hashable {
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
    /// When it was sent.
    public let sentAt: Date?
    /// When it ended.
    public let finishedAt: Date?
    /// The delivery in the viewer's member state, if it is a recipient.
    public let delivery: (memberState: MemberStateCode, delivery: AlertDelivery)?

    /// The existence of `alert` as seen from `memberState`.
    public init(_ alert: Alert, for memberState: MemberStateCode?) {
        id = alert.id
        number = alert.number
        procedure = alert.procedure
        legalArea = alert.legalArea
        sender = alert.sender
        senderState = alert.senderState
        state = alert.state
        version = alert.version
        sentAt = alert.sentAt
        finishedAt = alert.finishedAt
        delivery = memberState.flatMap { state in alert.deliveries[state].map { (state, $0) } }
    }

    public static func == (lhs: AlertExistence, rhs: AlertExistence) -> Bool { lhs.id == rhs.id && lhs.version == rhs.version }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(version)
    }
}
