import OpenIMIApplication
import OpenIMIDomain

/// The model of the directory search page, in one language.
struct DirectoryPage {
    let name: String
    let keyword: String
    let states: [Option]
    let areas: [Option]
    let results: [Result]
    let summary: String
    let pageOf: String
    let previous: String?
    let next: String?

    init(query: DirectoryQuery, results: Page<Authority>, states: [MemberState], areas: [LegalArea], catalog: Catalog) {
        let language = catalog.language
        let stateNames = Dictionary(uniqueKeysWithValues: states.map { ($0.code, $0.name.text(in: language)) })
        let areaNames = Dictionary(uniqueKeysWithValues: areas.map { ($0.code.rawValue, $0.name.text(in: language)) })
        self.name = query.name ?? ""
        self.keyword = query.keyword ?? ""
        self.states = states.map {
            Option(value: $0.code.rawValue, label: $0.name.text(in: language), selected: $0.code == query.memberState)
        }
        .sorted { $0.label < $1.label }
        self.areas = areas.map {
            Option(value: $0.code.rawValue, label: $0.name.text(in: language), selected: $0.code.rawValue == query.legalArea)
        }
        self.results = results.items.map { authority in
            let shown = authority.name.values[language] ?? authority.name.text(in: .en)
            let own = authority.name.values.filter { $0.key != language && $0.key != .en }.sorted { $0.key < $1.key }.first
            return Result(
                href: Site.authority.link(authority.id.description), name: shown,
                otherName: own?.value, otherLang: own?.key.rawValue ?? "",
                state: stateNames[authority.memberState] ?? authority.memberState.rawValue,
                areas: authority.legalAreas.map { areaNames[$0] ?? $0 }.joined(separator: ", "))
        }
        self.summary = catalog.text("directory.results", ["total": "\(results.total)"])
        self.pageOf = catalog.text("directory.pageOf", ["page": "\(results.page)", "pages": "\(results.pageCount)"])
        self.previous = results.hasPrevious ? Self.link(query, page: results.page - 1, language: language) : nil
        self.next = results.hasNext ? Self.link(query, page: results.page + 1, language: language) : nil
    }

    private static func link(_ query: DirectoryQuery, page: Int, language: Language) -> String {
        var items: [(String, String)] = []
        if let name = query.name { items.append(("name", name)) }
        if let keyword = query.keyword { items.append(("keyword", keyword)) }
        if let state = query.memberState { items.append(("memberState", state.rawValue)) }
        if let area = query.legalArea { items.append(("legalArea", area)) }
        items.append(("page", "\(page)"))
        items.append(("lang", language.rawValue))
        return Site.directory.link() + "?" + items.map { "\($0.0)=\(ViewRenderer.encode($0.1))" }.joined(separator: "&")
    }

    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Result {
        let href: String
        let name: String
        let otherName: String?
        let otherLang: String
        let state: String
        let areas: String
    }
}
