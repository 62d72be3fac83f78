import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// A repository as the API lists it.
struct RepositoryDTO: Codable, Sendable {
    /// One field of its records.
    struct Field: Codable, Sendable {
        let id: String
        let title: String
        let kind: String
        let required: Bool
        let personalData: Bool
        let options: [String]
    }

    let code: String
    let legalArea: String
    let title: String
    let readers: String
    let maintains: Bool
    let searchable: [String]
    let fields: [Field]

    init(_ definition: RepositoryDefinition, maintains: Bool, language: Language) {
        code = definition.code
        legalArea = definition.legalArea
        title = definition.title.text(in: language)
        readers = definition.readers.rawValue
        self.maintains = maintains
        searchable = definition.searchable
        fields = definition.fields.map {
            Field(
                id: $0.id, title: $0.title.text(in: language), kind: $0.kind.rawValue, required: $0.required, personalData: $0.personalData,
                options: $0.options.map(\.id))
        }
    }
}

/// A record in the API, with its history.
struct RepositoryRecordDTO: Codable, Sendable {
    /// One version of its values.
    struct Version: Codable, Sendable {
        let values: [String: String]
        let userId: String
        let organisationId: String
        let at: Date
    }

    let id: String
    let repository: String
    let keeperId: String
    let version: Int
    let values: [String: String]
    let versions: [Version]

    init(_ record: RepositoryRecord) {
        id = record.id.description
        repository = record.repository
        keeperId = record.keeper.uuidString.lowercased()
        version = record.version
        values = record.values
        versions = record.versions.map {
            Version(
                values: $0.values, userId: $0.by.userID.description, organisationId: $0.by.organisationID.uuidString.lowercased(), at: $0.at
            )
        }
    }
}
