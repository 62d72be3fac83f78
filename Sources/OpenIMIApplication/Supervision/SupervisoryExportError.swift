/// Why an export was refused.
public enum SupervisoryExportError: Error, Sendable, Hashable {
    /// The period is not two days YYYY-MM-DD, in order, at most five years apart.
    case invalidPeriod
}
