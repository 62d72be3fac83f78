import Foundation
import Testing

@testable import OpenIMIDomain

@Suite struct OrganisationIDTests {
    static let uuid = UUID(uuidString: "5664DD4C-FCBF-5F9A-B8FB-2F72AAF48713")!

    @Test func aKindAndIdThatDoNotFitTogetherAreNoOrganisation() {
        #expect(OrganisationID(kind: .platform, id: nil) == .platform)
        #expect(OrganisationID(kind: .authority, id: Self.uuid) == .authority(AuthorityID(Self.uuid)))
        #expect(OrganisationID(kind: .areaCoordinator, id: Self.uuid) == .areaCoordinator(CoordinatorID(Self.uuid)))
        #expect(OrganisationID(kind: .platform, id: Self.uuid) == nil, "the platform has no id")
        for kind in [OrganisationKind.authority, .nationalCoordinator, .areaCoordinator] {
            #expect(OrganisationID(kind: kind, id: nil) == nil, "\(kind) without an id")
        }
    }

    @Test func referencesReadBackAndNothingElseIsOne() {
        for id in [OrganisationID.platform, .authority(AuthorityID(Self.uuid)), .nationalCoordinator(CoordinatorID(Self.uuid))] {
            #expect(OrganisationID(reference: id.description) == id)
        }
        #expect(OrganisationID.authority(AuthorityID(Self.uuid)).description == "authority:5664dd4c-fcbf-5f9a-b8fb-2f72aaf48713")
        for bad in ["", "platform:5664dd4c-fcbf-5f9a-b8fb-2f72aaf48713", "authority:", "authority:x", "ministry:\(Self.uuid)", "authority"]
        {
            #expect(OrganisationID(reference: bad) == nil, "\(bad)")
        }
    }

    @Test func identifiersOfDifferentThingsAreDifferentTypesWithOneTextForm() throws {
        let request = RequestID(Self.uuid)
        #expect(request.description == "5664dd4c-fcbf-5f9a-b8fb-2f72aaf48713")
        #expect(RequestID("not an id") == nil)
        let encoded = try JSONEncoder().encode([request])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["5664dd4c-fcbf-5f9a-b8fb-2f72aaf48713"]"#)
        #expect(try JSONDecoder().decode([RequestID].self, from: encoded) == [request])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AuthorityID].self, from: Data(#"["x"]"#.utf8)) }
    }
}
