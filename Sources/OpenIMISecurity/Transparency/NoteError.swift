/// Why a note, a key or a checkpoint could not be read.
public enum NoteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The note is not a well-formed signed note (c2sp.org/signed-note).
    case malformedNote(String)
    /// The verifier key is not `<name>+<8 hex digits>+<base64 of type and key>`, or its id does not fit.
    case malformedKey(String)
    /// The note text is not a checkpoint (origin, tree size, root hash).
    case malformedCheckpoint(String)

    public var description: String {
        switch self {
        case .malformedNote(let why): "not a signed note: \(why)"
        case .malformedKey(let why): "not a note verifier key: \(why)"
        case .malformedCheckpoint(let why): "not a checkpoint: \(why)"
        }
    }
}
