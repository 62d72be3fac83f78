import Foundation
import OpenIMIDomain

/// A repository the principal was found to read, with its maintainers read once and whether the
/// principal's authority maintains it. Only ``RepositoryService/open(_:by:)`` makes one, so an
/// operation that takes it knows the check was made, and for whom.
public struct OpenedRepository: Sendable {
    /// The definition.
    public let definition: RepositoryDefinition
    /// The authorities designated to maintain it.
    public let maintainers: Set<UUID>
    /// Whether the principal's authority maintains it.
    public let maintains: Bool
    /// Who opened it; every operation on it is theirs.
    public let principal: Principal

    /// The repository's code.
    public var code: String { definition.code }
}
