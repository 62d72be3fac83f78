import Foundation

/// The professional-qualifications alert's time rules (Directive 2005/36/EC Art. 56a): sent
/// within three days of the decision it reports, and its personal data deleted within three days
/// of its closing or withdrawal.
public enum AlertTimeliness {
    /// Days within which an alert must be sent after the decision, and its data deleted after it ends.
    public static let days = 3

    /// The last moment to send an alert about a decision taken on `decisionDay` (the end of the third day after it, UTC).
    public static func sendingDeadline(decisionDay: Date) -> Date {
        decisionDay.addingTimeInterval(TimeInterval((days + 1) * 86_400))
    }

    /// Whether a draft reporting a decision of `decisionDay` is late at `now`, for the page's warning.
    public static func isLate(decisionDay: Date, at now: Date) -> Bool { now >= sendingDeadline(decisionDay: decisionDay) }

    /// Whether an alert sent at `sentAt` was sent in time, for the indicators.
    public static func wasSentInTime(decisionDay: Date, sentAt: Date) -> Bool { sentAt < sendingDeadline(decisionDay: decisionDay) }

    /// When the personal data of an alert that ended at `finishedAt` must be gone.
    public static func deletionDue(finishedAt: Date) -> Date { finishedAt.addingTimeInterval(TimeInterval(days * 86_400)) }
}

extension Alert {
    /// The day of the decision the alert reports, from the template's decision-date field.
    public func decisionDay(template: AlertTemplate) -> Date? {
        template.decisionDateField.flatMap { content.values[$0.id] }.flatMap(AlertTemplate.day)
    }
}
