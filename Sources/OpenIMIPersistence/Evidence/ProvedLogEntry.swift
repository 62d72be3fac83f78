import OpenIMISecurity

/// An access-log entry with its audit path in a checkpoint's tree.
public struct ProvedLogEntry: Sendable {
    /// The entry.
    public let entry: LogEntry
    /// Its audit path in the checkpoint's tree.
    public let proof: [MerkleTree.Hash]
}
