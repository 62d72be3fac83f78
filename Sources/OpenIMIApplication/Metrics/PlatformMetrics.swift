import Metrics

/// What the application layer counts, through swift-metrics (exposed by the web layer at
/// `/metrics`). Labels name jobs, outcomes and reasons from fixed vocabularies: never a person, a
/// user, an address or an id. Metrics are made at each use, not kept: the registry returns the same
/// series for the same name and labels, and one made before the metrics system starts would stay
/// silent.
public enum PlatformMetrics {
    /// A scheduled job ran: `openimi_job_runs{job, outcome="finished"|"failed"}`.
    public static func jobRan(_ job: String, outcome: String) {
        Counter(label: "openimi_job_runs", dimensions: [("job", job), ("outcome", outcome)]).increment()
    }

    /// The retention rules acted: `openimi_retention_actions{action="blocked"|"deleted"|"flagged"}`.
    public static func retained(blocked: Int, deleted: Int, flagged: Int) {
        for (action, count) in [("blocked", blocked), ("deleted", deleted), ("flagged", flagged)] where count > 0 {
            Counter(label: "openimi_retention_actions", dimensions: [("action", action)]).increment(by: count)
        }
    }

    /// Why a sign-in was refused: `failed` (wrong password, code or account), `locked` (the
    /// account is locked after repeated failures), `throttled` (too many failures from the address).
    public enum SignInRefusal: String, Sendable {
        case failed, locked, throttled
    }

    /// A sign-in was refused: `openimi_sign_in_failures{reason}`.
    public static func signInRefused(_ reason: SignInRefusal) {
        Counter(label: "openimi_sign_in_failures", dimensions: [("reason", reason.rawValue)]).increment()
    }
}
