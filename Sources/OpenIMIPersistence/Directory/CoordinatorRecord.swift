import Foundation
import OpenIMIDomain

/// A row of `coordinator`.
public struct CoordinatorRecord: Sendable, Codable {
    /// Identifier as text.
    public var id: String
    /// Member state code.
    public var memberState: String
    /// Kind raw value.
    public var kind: String
    /// JSON array of legal area codes (area coordinators).
    public var legalAreas: String
    /// Region (regional coordinators).
    public var region: String?
    /// JSON object of names by language.
    public var names: String
    /// The English name.
    public var nameEn: String
    /// Street.
    public var street: String
    /// Postal code.
    public var postcode: String
    /// City.
    public var city: String
    /// E-mail.
    public var email: String
    /// Telephone.
    public var phone: String?
    /// Web site.
    public var website: String?
    /// Appointing national coordinator.
    public var appointedBy: String?
    /// Seconds since 1970.
    public var createdAt: Int64

    /// The row for `coordinator`.
    public init(_ coordinator: Coordinator, createdAt: Date) {
        self.id = coordinator.id.description
        self.memberState = coordinator.memberState.rawValue
        self.kind = coordinator.scope.kind.rawValue
        switch coordinator.scope {
        case .area(let areas): self.legalAreas = JSONText.encode(areas); self.region = nil
        case .region(let region): self.legalAreas = "[]"; self.region = region
        case .national: self.legalAreas = "[]"; self.region = nil
        }
        self.names = JSONText.encode(coordinator.name)
        self.nameEn = coordinator.name.text(in: .en)
        self.street = coordinator.address.street
        self.postcode = coordinator.address.postcode
        self.city = coordinator.address.city
        self.email = coordinator.contact.email
        self.phone = coordinator.contact.phone
        self.website = coordinator.contact.website
        self.appointedBy = coordinator.appointedBy?.description
        self.createdAt = Int64(createdAt.timeIntervalSince1970)
    }

    /// The domain value.
    public func coordinator() throws -> Coordinator {
        guard let uuid = UUID(uuidString: id), let state = MemberStateCode(rawValue: memberState),
            let kind = CoordinatorKind(rawValue: kind)
        else { throw PersistenceError.corruptRow(table: "coordinator", key: id) }
        let scope: CoordinatorScope =
            switch kind {
            case .national: .national
            case .area: .area(legalAreas: try JSONText.decode([String].self, from: legalAreas))
            case .regional: .region(region ?? "")
            }
        return Coordinator(
            id: CoordinatorID(uuid), memberState: state, scope: scope, name: try JSONText.decode(LocalizedText.self, from: names),
            address: PostalAddress(street: street, postcode: postcode, city: city, region: region),
            contact: Contact(email: email, phone: phone, website: website),
            appointedBy: try CoordinatorID.stored(ifPresent: appointedBy, table: "coordinator", key: id))
    }
}
