import OpenIMIApplication
import OpenIMIDomain

/// The model of an authority's page, in one language.
struct AuthorityPage {
    let id: String
    let name: String
    let names: [Name]
    let status: String
    let state: String
    let address: String
    let email: String
    let phone: String?
    let website: String?
    let areas: [Area]
    let keywords: String
    let languages: String

    init(authority: Authority, states: [MemberState], areas: [LegalArea], catalog: Catalog) {
        let language = catalog.language
        id = authority.id.description
        self.name = authority.name.values[language] ?? authority.name.text(in: .en)
        self.names = authority.name.values.sorted { $0.key < $1.key }.map { Name(lang: $0.key.rawValue, text: $0.value) }
        self.status = catalog.text("authorityStatus.\(authority.status.rawValue)")
        self.state = states.first { $0.code == authority.memberState }?.name.text(in: language) ?? authority.memberState.rawValue
        let region = authority.address.region.map { ", \($0)" } ?? ""
        self.address = "\(authority.address.street), \(authority.address.postcode) \(authority.address.city)\(region)"
        self.email = authority.contact.email
        self.phone = authority.contact.phone
        self.website = authority.contact.website
        let areaNames = Dictionary(uniqueKeysWithValues: areas.map { ($0.code.rawValue, $0.name.text(in: language)) })
        self.areas = authority.legalAreas.map { Area(code: $0, name: areaNames[$0] ?? $0) }
        self.keywords = authority.keywords.joined(separator: ", ")
        self.languages = authority.languages.map(\.endonym).joined(separator: ", ")
    }

    struct Name {
        let lang: String
        let text: String
    }

    struct Area {
        let code: String
        let name: String
    }
}
