/// What an access-log entry records was done with a request's data. The stored value is the raw value.
public enum AccessOperation: String, Sendable, Hashable, CaseIterable {
    /// The personal data (or the named fields) were shown or handed out.
    case read
    /// They were created or changed.
    case write
    /// A search for a person or business matched the request; nothing but the match was shown.
    case search
    /// Use was restricted: the data stay stored but only their metadata and proofs remain in use.
    case block
    /// They were deleted (their data key destroyed).
    case delete
    /// The named fields were sent outside the platform: to a machine-translation provider.
    case disclose
}
