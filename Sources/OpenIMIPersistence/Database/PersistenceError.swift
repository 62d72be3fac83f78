/// Errors of the persistence layer that are not the caller's fault.
public enum PersistenceError: Error, Sendable, Hashable {
    /// A stored row could not be turned back into a domain value.
    case corruptRow(table: String, key: String)
}
