/// Why history cannot be recorded or proved right now.
public enum EvidenceError: Error, Sendable, Hashable {
    /// The signing key cannot be loaded, so checkpoints cannot be signed; steps are refused until it can.
    case signingUnavailable
    /// The PDF report cannot be produced (no usable font); the JSON evidence still can.
    case reportUnavailable
}
