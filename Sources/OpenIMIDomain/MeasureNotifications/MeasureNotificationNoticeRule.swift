import Foundation

/// Whom a notification's step tells, in their inbox (a number, a procedure, what happened and a
/// link) and by e-mail: sending and closing tell every recipient state; a comment tells every
/// party but the commenting organisation, the sender included. In each recipient state the
/// coordinators (national, and area coordinators of the notification's area) and the authorities
/// registered in the area get the inbox notice; e-mails go to the coordinators' and the sender's
/// users who notify, so that 29 states' authorities are not mailed for every comment.
public enum MeasureNotificationNoticeRule {
    /// Who is told of one step.
    public struct Audience: Sendable, Hashable {
        /// Whether the sender is told.
        public var sender: Bool
        /// The recipient states whose coordinators and authorities of the area are told.
        public var states: Set<MemberStateCode>
    }

    /// The audience of `action` on `notification` (as it is after the step).
    public static func audience(of action: MeasureNotificationAction, on notification: MeasureNotification) -> Audience {
        switch action {
        case .send, .close: Audience(sender: false, states: notification.recipients)
        case .comment: Audience(sender: true, states: notification.recipients)
        }
    }

    /// Of an organisation's users, those an e-mail about a notification in `legalArea` goes to:
    /// active, with an address, and holding a role that notifies there (an authority's alert
    /// handlers of the area, a coordinating organisation's coordinators).
    public static func mailRecipients(among users: [UserAccount], legalArea: String) -> [UserAccount] {
        AlertNoticeRule.mailRecipients(among: users, legalArea: legalArea)
    }
}
