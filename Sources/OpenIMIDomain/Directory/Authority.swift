import Foundation

/// A competent authority: a public body registered in IMI for some legal areas.
public struct Authority: Sendable, Hashable, Identifiable {
    /// The authority's identifier.
    public internal(set) var id: AuthorityID
    /// The member state the authority belongs to.
    public internal(set) var memberState: MemberStateCode
    /// The authority's name in its own language(s) and in English.
    public internal(set) var name: LocalizedText
    /// Postal address.
    public internal(set) var address: PostalAddress
    /// How to reach the authority.
    public internal(set) var contact: Contact
    /// Codes of the legal areas the authority is registered for.
    public internal(set) var legalAreas: [String]
    /// Competence keywords, e.g. "medical doctors", in the language they were entered in.
    public internal(set) var keywords: [String]
    /// The languages the authority works in.
    public internal(set) var languages: [Language]
    /// Where the authority stands in its registration.
    public internal(set) var status: AuthorityStatus
    /// The coordinator that registered the authority.
    public internal(set) var registeredBy: CoordinatorID

    /// Creates an authority.
    public init(
        id: AuthorityID, memberState: MemberStateCode, name: LocalizedText, address: PostalAddress,
        contact: Contact, legalAreas: [String], keywords: [String], languages: [Language],
        status: AuthorityStatus, registeredBy: CoordinatorID
    ) {
        self.id = id
        self.memberState = memberState
        self.name = name
        self.address = address
        self.contact = contact
        self.legalAreas = legalAreas
        self.keywords = keywords
        self.languages = languages
        self.status = status
        self.registeredBy = registeredBy
    }
}

/// A postal address.
public struct PostalAddress: Sendable, Hashable, Codable {
    /// Street and number.
    public internal(set) var street: String
    /// Postal code.
    public internal(set) var postcode: String
    /// City or town.
    public internal(set) var city: String
    /// Region within the state, used for the scope of regional coordinators.
    public internal(set) var region: String?

    /// Creates an address.
    public init(street: String, postcode: String, city: String, region: String? = nil) {
        self.street = street
        self.postcode = postcode
        self.city = city
        self.region = region
    }
}

/// Contact details of an authority or coordinator.
public struct Contact: Sendable, Hashable, Codable {
    /// The functional e-mail address.
    public internal(set) var email: String
    /// Telephone number in international format.
    public internal(set) var phone: String?
    /// Web site.
    public internal(set) var website: String?

    /// Creates contact details.
    public init(email: String, phone: String? = nil, website: String? = nil) {
        self.email = email
        self.phone = phone
        self.website = website
    }
}
