/// The first thing in the access log that does not match, as `openimi verify-log` names it.
public enum LogVerificationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No chain entry holds this position: an entry was removed.
    case entryMissing(sequence: Int64)
    /// The chain names an access-log row that is gone.
    case entryRowMissing(sequence: Int64, id: String)
    /// The entry's content (or its place or predecessor) no longer gives the hash recorded for it.
    case entryAltered(sequence: Int64, id: String)
    /// Access-log rows that are not in the chain: added behind the application's back.
    case unchainedEntries(count: Int)
    /// A checkpoint covers more entries than the log holds: the tail was cut off.
    case checkpointBeyondLog(treeSize: Int64, entries: Int64)
    /// The entries up to a checkpoint give another Merkle root than the one it signed.
    case checkpointRootMismatch(treeSize: Int64)
    /// A checkpoint's signature is not its key's over its content.
    case checkpointSignatureInvalid(treeSize: Int64, keyID: String)
    /// A checkpoint names a key the key directory does not hold.
    case checkpointKeyUnknown(treeSize: Int64, keyID: String)

    public var description: String {
        switch self {
        case .entryMissing(let sequence): "entry \(sequence) is missing from the chain"
        case .entryRowMissing(let sequence, let id): "entry \(sequence) (\(id)): its access-log row is missing"
        case .entryAltered(let sequence, let id):
            "entry \(sequence) (\(id)) does not match its recorded hash: altered, moved or its predecessor changed"
        case .unchainedEntries(let count): "\(count) access-log entries are outside the chain"
        case .checkpointBeyondLog(let size, let entries):
            "checkpoint at tree size \(size) covers more than the \(entries) entries in the log: entries were removed from the end"
        case .checkpointRootMismatch(let size): "checkpoint at tree size \(size): the entries give another Merkle root than the one signed"
        case .checkpointSignatureInvalid(let size, let key): "checkpoint at tree size \(size): the signature is not key \(key)'s"
        case .checkpointKeyUnknown(let size, let key): "checkpoint at tree size \(size) names key \(key), which is not in the key directory"
        }
    }
}
