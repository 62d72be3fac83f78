/// Why history cannot be recorded or proved right now.
public enum EvidenceError: Error, Sendable, Hashable {
    /// The signing key cannot be loaded, so checkpoints cannot be signed; steps are refused until it can.
    case signingUnavailable
    /// The PDF report cannot be produced (no usable font); the JSON evidence still can.
    case reportUnavailable
    /// The database's log does not extend the last checkpoint held outside the database: it was
    /// rewritten or cut. Nothing is signed or changed until an operator has looked; the reason names
    /// the sizes and the file.
    case logInconsistent(String)
}
