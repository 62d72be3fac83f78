/// What was done with a repository's records, as the access log names it (`repository:<action>`).
public enum RepositoryRecordAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Records were found by a field's value.
    case search
    /// A record's values were read.
    case read
    /// A record was added.
    case record
    /// A record's values were changed.
    case change
}
