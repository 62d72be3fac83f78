import Foundation

/// Whom an alert's step tells, in their inbox and by e-mail (a number, a procedure and a link,
/// never personal data): sending tells each recipient state's alert coordinators, who route it;
/// routing tells the authorities routed to; an amendment, closing or withdrawal tells every routed
/// authority; an acknowledgement tells the sender.
public enum AlertNoticeRule {
    /// Who is told of one step.
    public struct Audience: Sendable, Hashable {
        /// The member states whose alert coordinators (for the alert's area) are told.
        public var coordinatorsOf: Set<MemberStateCode> = []
        /// The authorities told.
        public var authorities: Set<UUID> = []

        /// Whether nobody is told.
        public var isEmpty: Bool { coordinatorsOf.isEmpty && authorities.isEmpty }
    }

    /// The audience of `action`, which moved `before` to `after`. Sending tells the coordinators of
    /// each state that received the alert unrouted and the authorities of states whose automatic
    /// routing routed it as it arrived.
    public static func audience(of action: AlertAction, before: Alert, after: Alert) -> Audience {
        let routed = after.deliveries.values.reduce(into: Set<UUID>()) { $0.formUnion($1.routedTo) }
        let earlier = before.deliveries.values.reduce(into: Set<UUID>()) { $0.formUnion($1.routedTo) }
        switch action {
        case .send:
            return Audience(coordinatorsOf: Set(after.deliveries.filter { $0.value.state == .received }.keys), authorities: routed)
        case .route: return Audience(authorities: routed.subtracting(earlier))
        case .amend, .close, .withdraw: return Audience(authorities: routed)
        case .acknowledge: return Audience(authorities: [after.sender])
        }
    }

    /// Of an organisation's users, those an e-mail about an alert in `legalArea` goes to: active,
    /// with an address, and holding the role that acts on it there — alert handlers of an
    /// authority, the coordinators of a coordinating organisation.
    public static func mailRecipients(among users: [UserAccount], legalArea: String) -> [UserAccount] {
        users.filter { user in
            user.status == .active && !user.email.isEmpty
                && user.roles.contains { role in
                    switch role {
                    case .alertHandler(let area): area == legalArea
                    case .nationalCoordinator, .areaCoordinator: true
                    default: false
                    }
                }
        }
    }
}
