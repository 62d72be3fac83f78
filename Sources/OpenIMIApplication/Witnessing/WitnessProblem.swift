/// Why a witness did not cosign a checkpoint, as the operators' page names it (the technical
/// detail goes to the server's log).
public enum WitnessProblem: String, Sendable, Hashable, CaseIterable {
    /// It did not answer in time or could not be reached.
    case unreachable
    /// It does not trust the log's key (403).
    case logKeyNotTrusted = "log-key-not-trusted"
    /// It does not know the log's origin (404).
    case logUnknown = "log-unknown"
    /// It holds another tree of this log: a second history was shown (alarm).
    case splitView = "split-view"
    /// The log does not extend what it cosigned (422, alarm).
    case inconsistentLog = "inconsistent-log"
    /// It answered something that is not the protocol, or a cosignature that does not verify.
    case invalidAnswer = "invalid-answer"
}
