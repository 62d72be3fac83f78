import Foundation
import OpenIMIDomain

/// Small builders for domain values used across the domain tests.
enum Fixtures {
    static let denmark = MemberState(
        code: MemberStateCode(rawValue: "DK")!, name: LocalizedText([.en: "Denmark"]), officialLanguages: [.da], isEUMember: true)
    static let ireland = MemberState(
        code: MemberStateCode(rawValue: "IE")!, name: LocalizedText([.en: "Ireland"]), officialLanguages: [.ga, .en], isEUMember: true)

    static func coordinator(_ state: String, _ scope: CoordinatorScope = .national) -> Coordinator {
        Coordinator(
            id: CoordinatorID(UUID()), memberState: MemberStateCode(rawValue: state)!, scope: scope,
            name: LocalizedText([.en: "Coordinator \(state)"]),
            address: PostalAddress(street: "Street 1", postcode: "1000", city: "City"), contact: Contact(email: "c@example.org"),
            appointedBy: nil)
    }

    static func authority(
        _ state: String = "DK", areas: [String] = ["services"], region: String? = nil, status: AuthorityStatus = .pending,
        name: [Language: String] = [.da: "Erhvervsstyrelsen", .en: "Danish Business Authority"]
    ) -> Authority {
        Authority(
            id: AuthorityID(UUID()), memberState: MemberStateCode(rawValue: state)!, name: LocalizedText(name),
            address: PostalAddress(street: "Langelinie Allé 17", postcode: "2100", city: "København", region: region),
            contact: Contact(email: "erst@example.org"), legalAreas: areas, keywords: ["virksomheder"], languages: [.da, .en],
            status: status, registeredBy: CoordinatorID(UUID()))
    }
}
