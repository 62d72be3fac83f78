import Foundation

/// Whom an alert's step tells, in their inbox and by e-mail (a number, a procedure and a link,
/// never personal data): sending tells each recipient state's alert coordinators, who route it;
/// routing tells the authorities routed to; an amendment, closing or withdrawal tells every routed
/// authority; an acknowledgement tells the sender.
public enum AlertNoticeRule {
    /// Who is told of one step.
    public enum Audience: Sendable, Hashable {
        /// The alert coordinators of these member states for the alert's area.
        case coordinators(of: Set<MemberStateCode>)
        /// These authorities.
        case authorities(Set<UUID>)
    }

    /// The audience of `action`, which moved `before` to `after`; nil when nobody is told.
    public static func audience(of action: AlertAction, before: Alert, after: Alert) -> Audience? {
        let routed = after.deliveries.values.reduce(into: Set<UUID>()) { $0.formUnion($1.routedTo) }
        switch action {
        case .send: return .coordinators(of: Set(after.deliveries.keys))
        case .route:
            let earlier = before.deliveries.values.reduce(into: Set<UUID>()) { $0.formUnion($1.routedTo) }
            let added = routed.subtracting(earlier)
            return added.isEmpty ? nil : .authorities(added)
        case .amend, .close, .withdraw: return routed.isEmpty ? nil : .authorities(routed)
        case .acknowledge: return .authorities([after.sender])
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
