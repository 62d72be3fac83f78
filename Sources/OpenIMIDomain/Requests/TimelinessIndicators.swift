import Foundation

/// The Single Market Scoreboard's timeliness indicators for IMI information requests, computed over
/// the requests an authority (or all authorities of a state) received.
public struct TimelinessIndicators: Sendable, Hashable, Codable {
    /// Requests received (sent to, or forwarded to, the authority).
    public var received: Int
    /// Share accepted within 7 days of being sent; good at 80 % or more. Nil without requests.
    public var acceptedWithinSevenDays: Double?
    /// Average days from sending to answer, over answered requests; good below 16. Nil without answers.
    public var averageDaysToAnswer: Double?
    /// Share of answered requests answered by the agreed deadline; good at 80 % or more.
    public var answeredByDeadline: Double?
    /// Alerts the authorities sent that report a dated decision.
    public var alertsSent = 0
    /// Share of them sent within 3 days of the decision (Directive 2005/36/EC Art. 56a(3)); the
    /// rule is all of them. Nil without such alerts.
    public var alertsSentWithinThreeDays: Double?

    /// The scoreboard's thresholds.
    public static let goodAcceptanceShare = 0.8
    public static let goodAverageDays = 16.0
    public static let goodDeadlineShare = 0.8

    /// The timing of one received request.
    public struct Timing: Sendable, Hashable {
        /// When it was first sent.
        public var sentAt: Date
        /// When it was first accepted, if it was.
        public var acceptedAt: Date?
        /// When it was first answered, if it was.
        public var answeredAt: Date?
        /// The agreed deadline.
        public var deadline: Date

        /// Creates a timing.
        public init(sentAt: Date, acceptedAt: Date?, answeredAt: Date?, deadline: Date) {
            self.sentAt = sentAt
            self.acceptedAt = acceptedAt
            self.answeredAt = answeredAt
            self.deadline = deadline
        }

        /// The timing read from a request's steps; nil for requests never sent.
        public init?(_ request: InformationRequest) {
            guard let sent = request.steps.first(where: { $0.action == .send })?.at else { return nil }
            self.init(
                sentAt: sent, acceptedAt: request.steps.first { $0.action == .accept }?.at,
                answeredAt: request.steps.first { $0.action == .answer }?.at, deadline: request.deadline)
        }
    }

    /// When an alert's decision was taken and when the alert was sent.
    public struct AlertTiming: Sendable, Hashable {
        /// The day of the decision the alert reports.
        public var decisionDay: Date
        /// When the alert was sent.
        public var sentAt: Date

        /// Creates an alert's timing.
        public init(decisionDay: Date, sentAt: Date) {
            self.decisionDay = decisionDay
            self.sentAt = sentAt
        }
    }

    /// The indicators over `timings` of requests received and `alerts` sent.
    public init(_ timings: [Timing], alerts: [AlertTiming] = []) {
        alertsSent = alerts.count
        alertsSentWithinThreeDays =
            alerts.isEmpty
            ? nil
            : Double(alerts.filter { AlertTimeliness.wasSentInTime(decisionDay: $0.decisionDay, sentAt: $0.sentAt) }.count)
                / Double(alerts.count)
        let day = 86_400.0
        received = timings.count
        let acceptedInTime = timings.filter { timing in timing.acceptedAt.map { $0.timeIntervalSince(timing.sentAt) <= 7 * day } ?? false }
        acceptedWithinSevenDays = timings.isEmpty ? nil : Double(acceptedInTime.count) / Double(timings.count)
        let answered = timings.filter { $0.answeredAt != nil }
        averageDaysToAnswer =
            answered.isEmpty
            ? nil : answered.map { $0.answeredAt!.timeIntervalSince($0.sentAt) / day }.reduce(0, +) / Double(answered.count)
        answeredByDeadline =
            answered.isEmpty ? nil : Double(answered.filter { $0.answeredAt! <= $0.deadline }.count) / Double(answered.count)
    }
}
