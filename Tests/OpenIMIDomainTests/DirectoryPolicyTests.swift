import OpenIMIDomain
import Testing

@Suite struct DirectoryPolicyTests {
    @Test func nationalCoordinatorRegistersAndValidatesInItsOwnState() throws {
        let nimic = Fixtures.coordinator("DK")
        let authority = Fixtures.authority("DK")
        try DirectoryPolicy.checkMayRegister(authority, by: nimic)
        #expect(try DirectoryPolicy.status(after: .validate, of: authority, by: nimic) == .validated)
    }

    @Test func coordinatorOfAnotherStateCanNeverActOnIt() {
        let slovenian = Fixtures.coordinator("SI")
        let danish = Fixtures.authority("DK")
        let refusal = DirectoryError.otherMemberState(actor: slovenian.memberState, target: danish.memberState)
        #expect(throws: refusal) { try DirectoryPolicy.checkMayRegister(danish, by: slovenian) }
        #expect(throws: refusal) { try DirectoryPolicy.status(after: .validate, of: danish, by: slovenian) }
        #expect(throws: refusal) { try DirectoryPolicy.checkMayChange(danish, by: slovenian) }
        let areaCoordinator = Fixtures.coordinator("SI", .area(legalAreas: ["services"]))
        #expect(throws: DirectoryError.self) { try DirectoryPolicy.checkMayRegister(danish, by: areaCoordinator) }
    }

    @Test func areaCoordinatorActsOnlyWithinItsAreas() throws {
        let health = Fixtures.coordinator("DK", .area(legalAreas: ["professional-qualifications", "patients-rights"]))
        try DirectoryPolicy.checkMayRegister(Fixtures.authority(areas: ["professional-qualifications"]), by: health)
        #expect(throws: DirectoryError.outsideCoordinatorScope) {
            try DirectoryPolicy.checkMayRegister(Fixtures.authority(areas: ["professional-qualifications", "services"]), by: health)
        }
        #expect(throws: DirectoryError.outsideCoordinatorScope) {
            try DirectoryPolicy.status(after: .validate, of: Fixtures.authority(areas: ["services"]), by: health)
        }
    }

    @Test func regionalCoordinatorActsOnlyInItsRegion() throws {
        let bavaria = Fixtures.coordinator("DE", .region("Bayern"))
        try DirectoryPolicy.checkMayRegister(Fixtures.authority("DE", region: "bayern"), by: bavaria)
        #expect(throws: DirectoryError.outsideCoordinatorScope) {
            try DirectoryPolicy.checkMayRegister(Fixtures.authority("DE", region: "Berlin"), by: bavaria)
        }
        #expect(throws: DirectoryError.outsideCoordinatorScope) {
            try DirectoryPolicy.checkMayRegister(Fixtures.authority("DE"), by: bavaria)
        }
    }

    @Test func onlyTheNationalCoordinatorAppointsAndNeverASecondNational() throws {
        let nimic = Fixtures.coordinator("DK")
        let area = Fixtures.coordinator("DK", .area(legalAreas: ["services"]))
        try DirectoryPolicy.checkMayAppoint(area, by: nimic)
        #expect(throws: DirectoryError.notNationalCoordinator) {
            try DirectoryPolicy.checkMayAppoint(Fixtures.coordinator("DK", .region("Sjælland")), by: area)
        }
        #expect(throws: DirectoryError.nationalCoordinatorExists(nimic.memberState)) {
            try DirectoryPolicy.checkMayAppoint(Fixtures.coordinator("DK"), by: nimic)
        }
        #expect(throws: DirectoryError.self) {
            try DirectoryPolicy.checkMayAppoint(Fixtures.coordinator("SI", .area(legalAreas: ["services"])), by: nimic)
        }
    }
}
