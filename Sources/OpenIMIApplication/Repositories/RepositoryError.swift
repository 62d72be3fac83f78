import OpenIMIDomain

/// Why a repository operation was refused.
public enum RepositoryError: Error, Sendable, Hashable {
    /// No such repository or record, or the principal may not read it.
    case notFound
    /// The field may not be searched.
    case notSearchable(String)
    /// The values do not fit the repository's fields.
    case content(AlertContentError)
    /// Another record of the register has the same value of a field that must be unique.
    case duplicate(String)
    /// Someone changed the record since `currentVersion` was read.
    case conflict(currentVersion: Int)
}
