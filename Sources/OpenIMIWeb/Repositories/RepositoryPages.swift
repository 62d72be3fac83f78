import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of `/repositories`: the registers the user reads.
struct RepositoriesPage {
    /// One register.
    struct Row {
        let href: String
        let title: String
        let description: String
        let readers: String
        let maintains: Bool
    }

    let rows: [Row]
    let hasRows: Bool

    init(_ visible: [(definition: RepositoryDefinition, maintains: Bool)], catalog: Catalog) {
        rows = visible.map {
            Row(
                href: Site.repository.link($0.definition.code), title: $0.definition.title.text(in: catalog.language),
                description: $0.definition.description.text(in: catalog.language),
                readers: catalog.text("repositories.readers.\($0.definition.readers.rawValue)"), maintains: $0.maintains)
        }
        hasRows = !rows.isEmpty
    }
}

/// The model of a register's page: what it is, the search form and its results, and for its
/// maintainers the form of a new record and the records their authority keeps.
struct RepositoryPage {
    /// A field a search may name.
    struct SearchField {
        let id: String
        let label: String
        let selected: Bool
    }

    /// A record in a list: its searchable values.
    struct Row {
        let href: String
        let summary: String
    }

    let code: String
    let title: String
    let description: String
    let readers: String
    let maintainers: String
    let searchFields: [SearchField]
    let searchValue: String
    let searched: Bool
    let results: [Row]
    let hasResults: Bool
    let maintains: Bool
    let kept: [Row]
    let hasKept: Bool
    /// The name of the user's authority, over the records it keeps.
    let ownName: String
    let inputs: [AlertFieldInput]
    let done: String?

    /// The fields a list of records shows: the searchable ones, then the first fields holding no
    /// personal data, four in all.
    static func listed(_ definition: RepositoryDefinition) -> [String] {
        Array((definition.searchable + definition.fields.filter { !$0.personalData }.map(\.id)).prefix(4))
    }

    init(
        definition: RepositoryDefinition, maintains: Bool, maintainers: [String], ownName: String, search: (field: String, value: String)?,
        results: [RepositoryRecord], kept: [RepositoryRecord], catalog: Catalog, form: FormEcho?, done: String?
    ) {
        self.ownName = ownName
        let language = catalog.language
        code = definition.code
        title = definition.title.text(in: language)
        description = definition.description.text(in: language)
        readers = catalog.text("repositories.readers.\(definition.readers.rawValue)")
        self.maintainers = maintainers.sorted().joined(separator: "; ")
        searchFields = definition.searchable.compactMap { id in
            definition.field(id).map { SearchField(id: id, label: $0.title.text(in: language), selected: search?.field == id) }
        }
        searchValue = search?.value ?? ""
        searched = search != nil
        let listed = Self.listed(definition)
        func row(_ record: RepositoryRecord) -> Row {
            let shown = AlertTemplate.labelled(record.values, fields: definition.fields.filter { listed.contains($0.id) }, in: language)
            return Row(
                href: Site.repositoryRecord.link(definition.code, record.id.description),
                summary: shown.map { "\($0.label): \($0.text)" }.joined(separator: " · "))
        }
        self.results = results.map(row)
        hasResults = !results.isEmpty
        self.maintains = maintains
        self.kept = kept.map(row)
        hasKept = !kept.isEmpty
        inputs = maintains ? AlertFieldInput.inputs(of: definition.fields, values: [:], language: language, form: form) : []
        self.done = done.map { catalog.text("repositories.done.\($0)") }
    }
}

/// The model of one record's page: its values, the earlier versions, and for the keeping
/// authority's maintainers the form that changes it.
struct RepositoryRecordPage {
    /// One labelled value.
    struct Value {
        let label: String
        let text: String
        let personal: Bool
    }

    /// An earlier version.
    struct Version {
        let heading: String
        let values: [Value]
    }

    let code: String
    let id: String
    let title: String
    let keeper: String
    let version: Int
    let values: [Value]
    let versions: [Version]
    let hasVersions: Bool
    let changes: Bool
    let inputs: [AlertFieldInput]
    let done: String?

    init(
        definition: RepositoryDefinition, record: RepositoryRecord, changes: Bool, names: RequestDirectory, catalog: Catalog,
        time: LocalTime,
        form: FormEcho?, done: String?
    ) {
        let language = catalog.language
        func rendered(_ values: [String: String]) -> [Value] {
            AlertTemplate.labelled(values, fields: definition.fields, in: language).map {
                Value(label: $0.label, text: $0.text, personal: $0.field.personalData)
            }
        }
        code = definition.code
        id = record.id.description
        title = definition.title.text(in: language)
        keeper = names.name(record.keeper)
        version = record.version
        values = rendered(record.values)
        versions = record.versions.dropLast().reversed().map {
            Version(
                heading: catalog.text("alert.versionOf", ["at": time.minute($0.at), "by": names.name($0.by.organisationID)]),
                values: rendered($0.values))
        }
        hasVersions = !versions.isEmpty
        self.changes = changes
        inputs = changes ? AlertFieldInput.inputs(of: definition.fields, values: record.values, language: language, form: form) : []
        self.done = done.map { catalog.text("repositories.done.\($0)") }
    }
}
