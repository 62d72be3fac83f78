/// The signature types of c2sp.org/signed-note that OpenIMI uses, with their identifier bytes.
public enum NoteKeyType: UInt8, Sendable, Hashable {
    /// Ed25519 over the note text: the log's own signature on its checkpoints.
    case ed25519 = 0x01
    /// A timestamped Ed25519 witness cosignature (c2sp.org/tlog-cosignature, `cosignature/v1`).
    case cosignature = 0x04
}
