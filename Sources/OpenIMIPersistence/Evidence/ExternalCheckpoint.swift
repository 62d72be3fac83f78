import OpenIMISecurity

/// A checkpoint held outside the database — in the platform's checkpoint file, a file someone
/// kept, or an evidence file or report — that the log must still extend.
public struct ExternalCheckpoint: Sendable {
    /// Where it came from, to name it: a file name and position.
    public let source: String
    /// The signed note.
    public let note: SignedNote
    /// The tree head it states.
    public let head: TreeHead
    /// Entries it proves (an evidence file's), each with its hash, to name where a rewritten log differs.
    public let entries: [LogEntry]

    /// A checkpoint from `source`; throws when the note is not a checkpoint.
    public init(source: String, note: SignedNote, entries: [LogEntry] = []) throws(NoteError) {
        self.source = source
        self.note = note
        head = try TreeHead(text: note.text)
        self.entries = entries
    }
}
