import Foundation
import OpenIMIDomain
import SQLKit

/// A row of `authority`.
public struct AuthorityRecord: Sendable, Codable {
    /// Identifier as text.
    public var id: String
    /// Member state code.
    public var memberState: String
    /// Status raw value.
    public var status: String
    /// The English name, for sorting and quick display.
    public var nameEn: String
    /// The folded English name, for stable ordering.
    public var sortKey: String
    /// JSON object of names by language.
    public var names: String
    /// Street.
    public var street: String
    /// Postal code.
    public var postcode: String
    /// City.
    public var city: String
    /// Region.
    public var region: String?
    /// E-mail.
    public var email: String
    /// Telephone.
    public var phone: String?
    /// Web site.
    public var website: String?
    /// JSON array of language codes.
    public var languages: String
    /// JSON array of keywords.
    public var keywords: String
    /// Registering coordinator's id.
    public var registeredBy: String
    /// Seconds since 1970.
    public var createdAt: Int64
    /// Seconds since 1970.
    public var updatedAt: Int64

    // Column names spelt out: decoding with a key strategy converts every key of every row.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id
        case memberState = "member_state"
        case status
        case nameEn = "name_en"
        case sortKey = "sort_key"
        case names
        case street
        case postcode
        case city
        case region
        case email
        case phone
        case website
        case languages
        case keywords
        case registeredBy = "registered_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// The record in `row`, read column by column, each column named `prefix` + its name: it runs
    /// for every request of a signed-in authority user.
    init(row: some SQLRow, prefix: String = "") throws {
        id = try row.decode(column: prefix + CodingKeys.id.stringValue, as: String.self)
        memberState = try row.decode(column: prefix + CodingKeys.memberState.stringValue, as: String.self)
        status = try row.decode(column: prefix + CodingKeys.status.stringValue, as: String.self)
        nameEn = try row.decode(column: prefix + CodingKeys.nameEn.stringValue, as: String.self)
        sortKey = try row.decode(column: prefix + CodingKeys.sortKey.stringValue, as: String.self)
        names = try row.decode(column: prefix + CodingKeys.names.stringValue, as: String.self)
        street = try row.decode(column: prefix + CodingKeys.street.stringValue, as: String.self)
        postcode = try row.decode(column: prefix + CodingKeys.postcode.stringValue, as: String.self)
        city = try row.decode(column: prefix + CodingKeys.city.stringValue, as: String.self)
        region = try row.decode(column: prefix + CodingKeys.region.stringValue, as: String?.self)
        email = try row.decode(column: prefix + CodingKeys.email.stringValue, as: String.self)
        phone = try row.decode(column: prefix + CodingKeys.phone.stringValue, as: String?.self)
        website = try row.decode(column: prefix + CodingKeys.website.stringValue, as: String?.self)
        languages = try row.decode(column: prefix + CodingKeys.languages.stringValue, as: String.self)
        keywords = try row.decode(column: prefix + CodingKeys.keywords.stringValue, as: String.self)
        registeredBy = try row.decode(column: prefix + CodingKeys.registeredBy.stringValue, as: String.self)
        createdAt = try row.decode(column: prefix + CodingKeys.createdAt.stringValue, as: Int64.self)
        updatedAt = try row.decode(column: prefix + CodingKeys.updatedAt.stringValue, as: Int64.self)
    }

    /// The row for `authority`, stamped `now` (keeping `createdAt` when given).
    public init(_ authority: Authority, createdAt: Date, updatedAt: Date) {
        self.id = authority.id.description
        self.memberState = authority.memberState.rawValue
        self.status = authority.status.rawValue
        self.nameEn = authority.name.text(in: .en)
        self.sortKey = SearchText.queryTokens(authority.name.text(in: .en)).joined(separator: " ")
        self.names = JSONText.encode(authority.name)
        self.street = authority.address.street
        self.postcode = authority.address.postcode
        self.city = authority.address.city
        self.region = authority.address.region
        self.email = authority.contact.email
        self.phone = authority.contact.phone
        self.website = authority.contact.website
        self.languages = JSONText.encode(authority.languages)
        self.keywords = JSONText.encode(authority.keywords)
        self.registeredBy = authority.registeredBy.description
        self.createdAt = Int64(createdAt.timeIntervalSince1970)
        self.updatedAt = Int64(updatedAt.timeIntervalSince1970)
    }

    /// The domain value, given the legal areas from `authority_legal_area`.
    public func authority(legalAreas: [String]) throws -> Authority {
        guard let uuid = UUID(uuidString: id), let state = MemberStateCode(rawValue: memberState),
            let status = AuthorityStatus(rawValue: status), let registrar = UUID(uuidString: registeredBy)
        else { throw PersistenceError.corruptRow(table: "authority", key: id) }
        let languages = try JSONText.decodeStrings(self.languages).map { code in
            guard let language = Language(rawValue: code) else { throw PersistenceError.corruptRow(table: "authority", key: id) }
            return language
        }
        return Authority(
            id: AuthorityID(uuid), memberState: state,
            name: try Self.decodedNames.value(of: names) { try JSONText.decode(LocalizedText.self, from: $0) },
            address: PostalAddress(street: street, postcode: postcode, city: city, region: region),
            contact: Contact(email: email, phone: phone, website: website), legalAreas: legalAreas.sorted(),
            keywords: try JSONText.decodeStrings(keywords), languages: languages, status: status,
            registeredBy: CoordinatorID(registrar))
    }

    /// Names by language decoded before, by their JSON text.
    static let decodedNames = DecodedTexts<LocalizedText>()
}
