import Foundation

/// How an open request stands against its deadline, for highlighting in inboxes.
public enum DeadlineStatus: String, Sendable, Hashable, CaseIterable {
    /// The deadline has passed and nobody answered.
    case overdue
    /// The deadline falls within ``dueSoonWindow``.
    case dueSoon = "due-soon"
    /// Time remains.
    case onTrack = "on-track"
    /// No deadline runs: a draft, an answered or a finished request.
    case notRunning = "not-running"

    /// Whether a deadline runs in `state`: not for a draft, an answered, referred or finished request.
    public static func runs(in state: RequestState) -> Bool {
        !state.isFinal && state != .draft && state != .answered && state != .referred
    }

    /// Three days.
    public static let dueSoonWindow: TimeInterval = 3 * 86_400

    /// The status of a request in `state` with `deadline` at `now`.
    public static func of(state: RequestState, deadline: Date, at now: Date) -> DeadlineStatus {
        guard runs(in: state) else { return .notRunning }
        if now > deadline { return .overdue }
        return deadline.timeIntervalSince(now) <= dueSoonWindow ? .dueSoon : .onTrack
    }
}
