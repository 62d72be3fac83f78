import Foundation

/// A register kept in IMI for one legal area, shipped as data (`Resources/Repositories/<code>.json`,
/// translated like the alert templates): what its records hold — fields with kinds and
/// personal-data markers, as alert templates define them — which fields a search may use, and who
/// reads it. Designated authorities maintain its records.
public struct RepositoryDefinition: Sendable, Hashable, Codable {
    /// Its code, as in addresses (`professional-cards`).
    public var code: String
    /// Its legal area.
    public var legalArea: String
    /// Its version; a record keeps no version of its own, fields are only ever added.
    public var version: Int
    /// Its name.
    public var title: LocalizedText
    /// What it is for, and on which legal basis.
    public var description: LocalizedText
    /// Who reads it.
    public var readers: RepositoryReaders
    /// The fields of a record, in the order shown.
    public var fields: [AlertField]
    /// The fields a search may name (an exact match on the whole value).
    public var searchable: [String]
    /// The searchable fields no two records may share a value of (a card's number).
    public var unique: [String]

    /// The field with `id`.
    public func field(_ id: String) -> AlertField? { fields.first { $0.id == id } }

    /// Whether a record holds personal data at all.
    public var holdsPersonalData: Bool { fields.contains { $0.personalData } }

    /// Checks a record's values against the fields.
    public func check(_ values: [String: String]) throws(AlertContentError) {
        try AlertTemplate.check(values, against: fields)
    }
}

/// Who reads a repository.
public enum RepositoryReaders: String, Sendable, Hashable, Codable, CaseIterable {
    /// Users with a role in the repository's area at authorities registered in it, and the coordinators.
    case areaAuthorities = "area-authorities"
    /// The national and area coordinators (and the maintainers).
    case coordinators
    /// Every user of an authority or a coordinator.
    case allUsers = "all-users"
}
