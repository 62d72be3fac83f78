import Foundation

/// The identifier of a repository record.
public typealias RepositoryRecordID = Identifier<RepositoryRecord>

/// One record of a repository: its values in versions (a change adds one, the earlier stay as its
/// history), and the designated authority that keeps it. `recording` and `changing` are the only
/// writers.
public struct RepositoryRecord: Sendable, Hashable, Identifiable {
    /// Its identifier.
    public internal(set) var id: RepositoryRecordID
    /// The repository it belongs to.
    public internal(set) var repository: String
    /// The authority that keeps it.
    public internal(set) var keeper: UUID
    /// Increases with every change, for optimistic concurrency.
    public internal(set) var version: Int
    /// Its values, oldest version first; the last is the current one.
    public internal(set) var versions: [RepositoryRecordVersion]

    /// The current values.
    public var values: [String: String] { versions[versions.count - 1].values }

    /// A new record of `definition` kept by `keeper`; refused when the values do not fit.
    public static func recording(
        _ values: [String: String], in definition: RepositoryDefinition, id: RepositoryRecordID, keeper: UUID, by actor: StepActor,
        at now: Date
    ) throws(AlertContentError) -> RepositoryRecord {
        try definition.check(values)
        return RepositoryRecord(
            id: id, repository: definition.code, keeper: keeper, version: 1,
            versions: [RepositoryRecordVersion(values: Alert.trimmed(values), by: actor, at: now)])
    }

    /// The record with `values` as its new version; refused when they do not fit.
    public func changing(
        to values: [String: String], in definition: RepositoryDefinition, by actor: StepActor, at now: Date
    ) throws(AlertContentError) -> RepositoryRecord {
        try definition.check(values)
        var changed = self
        changed.version += 1
        changed.versions.append(RepositoryRecordVersion(values: Alert.trimmed(values), by: actor, at: now))
        return changed
    }

    /// A record as it was stored; only the persistence layer rebuilds records this way.
    public init(stored id: RepositoryRecordID, repository: String, keeper: UUID, version: Int, versions: [RepositoryRecordVersion]) {
        self.init(id: id, repository: repository, keeper: keeper, version: version, versions: versions)
    }

    private init(id: RepositoryRecordID, repository: String, keeper: UUID, version: Int, versions: [RepositoryRecordVersion]) {
        self.id = id
        self.repository = repository
        self.keeper = keeper
        self.version = version
        self.versions = versions
    }
}

/// One version of a record's values.
public struct RepositoryRecordVersion: Sendable, Hashable, Codable {
    /// The values by field id.
    public let values: [String: String]
    /// Who wrote them.
    public let by: StepActor
    /// When.
    public let at: Date

    /// Creates a version.
    public init(values: [String: String], by: StepActor, at: Date) {
        self.values = values
        self.by = by
        self.at = at
    }
}
