import Foundation
import Testing

@testable import OpenIMIDomain

/// Repository records and who reads and maintains a register.
@Suite struct RepositoryTests {
    static let definition = RepositoryDefinition(
        code: "cards", legalArea: "professional-qualifications", version: 1, title: LocalizedText([.en: "Cards"]),
        description: LocalizedText([.en: "Cards issued"]), readers: .areaAuthorities,
        fields: [
            AlertField(
                id: "number", title: LocalizedText([.en: "Number"]), kind: .text, required: true, personalData: false, sensitive: false),
            AlertField(
                id: "holder", title: LocalizedText([.en: "Holder"]), kind: .text, required: true, personalData: true, sensitive: false),
            AlertField(
                id: "issued-on", title: LocalizedText([.en: "Issued"]), kind: .date, required: false, personalData: false, sensitive: false),
        ], searchable: ["number", "holder"], unique: ["number"])
    static let keeper = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["professional-qualifications"])
    static let actor = StepActor(userID: UserID.random(), organisationID: keeper.id.uuid!)

    @Test func recordsAreCheckedAndKeepEveryVersion() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(throws: AlertContentError.missing("holder")) {
            try RepositoryRecord.recording(
                ["number": "1"], in: Self.definition, id: .random(), keeper: Self.keeper.id.uuid!, by: Self.actor, at: now)
        }
        #expect(throws: AlertContentError.malformed("issued-on")) {
            try RepositoryRecord.recording(
                ["number": "1", "holder": "A", "issued-on": "2026-02-30"], in: Self.definition, id: .random(), keeper: Self.keeper.id.uuid!,
                by: Self.actor, at: now)
        }
        #expect(throws: AlertContentError.unknownField("extra")) {
            try RepositoryRecord.recording(
                ["number": "1", "holder": "A", "extra": "x"], in: Self.definition, id: .random(), keeper: Self.keeper.id.uuid!,
                by: Self.actor,
                at: now)
        }
        let record = try RepositoryRecord.recording(
            ["number": " EPC-1 ", "holder": "Anna Berg"], in: Self.definition, id: .random(), keeper: Self.keeper.id.uuid!, by: Self.actor,
            at: now)
        #expect(record.values["number"] == "EPC-1" && record.version == 1)
        let changed = try record.changing(
            to: ["number": "EPC-1", "holder": "Anna Berg-Lund"], in: Self.definition, by: Self.actor, at: now)
        #expect(changed.version == 2 && changed.versions.count == 2 && changed.versions[0].values["holder"] == "Anna Berg")
        #expect(
            SubjectKey.repositoryValue("cards", field: "number", value: "epc–1")
                == SubjectKey.repositoryValue("cards", field: "number", value: "EPC-1"))
        #expect(SubjectKey.repositoryValue("cards", field: "number", value: " -- ") == nil)
    }

    @Test func readersAndMaintainersAreWhomTheRegisterNames() {
        let area = "professional-qualifications"
        let facts = RepositoryFacts(legalArea: area, readers: .areaAuthorities, maintainers: [Self.keeper.id.uuid!])
        func decide(_ organisation: Organisation, _ roles: Set<Role>, _ action: AccessAction, _ facts: RepositoryFacts) -> Bool {
            AccessPolicy.decide(
                Principal(user: AccessPolicyMatrixTests.user(organisation, roles: roles), organisation: organisation), action,
                on: .repository(facts)
            ).isAllowed
        }
        let other = Organisation(id: .authority(.random()), memberState: .si, legalAreas: [area])
        let elsewhere = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["services"])
        let nimic = Organisation(id: .nationalCoordinator(.random()), memberState: .si, coordinatorScope: .national)
        #expect(decide(Self.keeper, [.alertHandler(legalArea: area)], .maintainRepository, facts))
        #expect(!decide(Self.keeper, [.reader(legalArea: area)], .maintainRepository, facts))
        #expect(!decide(other, [.requestHandler(legalArea: area)], .maintainRepository, facts), "not designated")
        #expect(decide(other, [.reader(legalArea: area)], .readRepository, facts))
        #expect(!decide(other, [.localDataAdministrator], .readRepository, facts), "no role in the area")
        #expect(!decide(elsewhere, [.requestHandler(legalArea: "services")], .readRepository, facts))
        #expect(decide(nimic, [.nationalCoordinator], .readRepository, facts))
        let otherArea = Organisation(id: .areaCoordinator(.random()), memberState: .si, coordinatorScope: .area(legalAreas: ["services"]))
        let sameArea = Organisation(id: .areaCoordinator(.random()), memberState: .si, coordinatorScope: .area(legalAreas: [area]))
        let region = Organisation(id: .areaCoordinator(.random()), memberState: .si, coordinatorScope: .region("Ljubljana"))
        #expect(!decide(otherArea, [.areaCoordinator], .readRepository, facts), "an area coordinator of another area")
        #expect(decide(sameArea, [.areaCoordinator], .readRepository, facts))
        #expect(!decide(region, [.areaCoordinator], .readRepository, facts), "a regional coordinator")
        #expect(!decide(.platform, [.platformOperator], .readRepository, facts))
        let coordinatorsOnly = RepositoryFacts(legalArea: area, readers: .coordinators, maintainers: [])
        #expect(!decide(other, [.reader(legalArea: area)], .readRepository, coordinatorsOnly))
        #expect(decide(nimic, [.nationalCoordinator], .readRepository, coordinatorsOnly))
        let everyone = RepositoryFacts(legalArea: area, readers: .allUsers, maintainers: [])
        #expect(decide(elsewhere, [.localDataAdministrator], .readRepository, everyone))
        #expect(!decide(.platform, [.platformOperator], .readRepository, everyone))
    }
}
