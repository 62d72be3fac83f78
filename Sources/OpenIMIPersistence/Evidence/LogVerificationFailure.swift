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
    /// Entries older than the checkpoint interval that no checkpoint covers (or, in a non-empty
    /// log, no checkpoint at all): checkpoints may have been removed.
    case uncheckpointed(from: Int64, entries: Int64, ageSeconds: Int64)
    /// Entries older than the checkpoint interval still wait in the queue for their place in the
    /// chain: no sequencer has run, or it fails.
    case unsequenced(entries: Int64, ageSeconds: Int64)
    /// A checkpoint held outside the database is not signed by any of the platform's keys.
    case externalNotSigned(source: String, treeSize: Int64)
    /// A checkpoint held outside the database covers more entries than the log holds.
    case externalBeyondLog(source: String, treeSize: Int64, entries: Int64)
    /// The log does not extend a checkpoint held outside the database: it was rewritten.
    /// `agreedSize` is the largest checkpoint the log still agrees with, `firstDifferent` the first
    /// entry known to differ.
    case externalInconsistent(source: String, treeSize: Int64, agreedSize: Int64, firstDifferent: Int64?)
    /// Two checkpoints of the same size with different roots: the platform showed two histories.
    case splitView(treeSize: Int64, first: String, second: String)
    /// A trusted witness's cosignature does not verify: it was altered or forged.
    case cosignatureInvalid(treeSize: Int64, witness: String)
    /// No checkpoint carries the required number of witness cosignatures.
    case quorumNotMet(quorum: Int, best: Int)

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
        case .uncheckpointed(let from, let entries, let age):
            "\(entries) entries from entry \(from) on are \(age) seconds old and no checkpoint covers them: "
                + "checkpoints were removed, or the server stopped without signing one (`openimi checkpoint`)"
        case .unsequenced(let entries, let age):
            "\(entries) access-log entries still wait for their place in the chain, the oldest for \(age) seconds: "
                + "no server has run since they were written (`openimi checkpoint` chains them), or its sequencer fails"
        case .externalNotSigned(let source, let size):
            "\(source): the checkpoint of tree size \(size) is not signed by any key in the key directory"
        case .externalBeyondLog(let source, let size, let entries):
            "\(source): the checkpoint of tree size \(size) covers more than the \(entries) entries in the log: "
                + "entries were removed from the end"
        case .externalInconsistent(let source, let size, let agreed, let first):
            "\(source): the log does not extend the checkpoint of tree size \(size); it agrees with the checkpoints up to "
                + "tree size \(agreed) and diverges after it"
                + (first.map { ", first at entry \($0)" } ?? "") + ": the log was rewritten"
        case .splitView(let size, let first, let second):
            "split view: \(first) and \(second) show two different trees of size \(size), both signed by the platform"
        case .cosignatureInvalid(let size, let witness):
            "checkpoint at tree size \(size): the cosignature of witness \(witness) does not verify (altered or forged)"
        case .quorumNotMet(let quorum, let best):
            "no checkpoint carries \(quorum) valid witness cosignatures (the most any has is \(best))"
        }
    }
}
