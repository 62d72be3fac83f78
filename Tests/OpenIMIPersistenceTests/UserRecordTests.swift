import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import Testing

/// A stored account whose organisation does not add up is a corrupt row, never a default.
@Suite struct UserRecordTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let authority = AuthorityID(UUID(uuidString: "5664dd4c-fcbf-5f9a-b8fb-2f72aaf48713")!)

    static func record(_ organisation: OrganisationID) -> UserRecord {
        UserRecord(
            UserAccount(
                id: UserID(UUID()), organisation: organisation, username: "u", fullName: "U", email: "u@example.org", language: .da,
                status: .active, roles: [], createdAt: now), now: now)
    }

    @Test func theOrganisationReadsBackAsItWasStored() throws {
        for organisation in [OrganisationID.platform, .authority(Self.authority)] {
            #expect(try Self.record(organisation).user(roles: []).organisation == organisation)
        }
    }

    @Test func anOrganisationThatDoesNotAddUpIsACorruptRow() {
        var withoutID = Self.record(.authority(Self.authority))
        withoutID.organisationId = nil
        var unreadableID = Self.record(.authority(Self.authority))
        unreadableID.organisationId = "not-a-uuid"
        var platformWithID = Self.record(.platform)
        platformWithID.organisationId = Self.authority.description
        var unknownKind = Self.record(.authority(Self.authority))
        unknownKind.organisationKind = "ministry"
        for record in [withoutID, unreadableID, platformWithID, unknownKind] {
            #expect(throws: PersistenceError.self) { try record.user(roles: []) }
        }
    }
}
