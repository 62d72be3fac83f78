import Testing

@testable import OpenIMIDomain

@Suite struct AuthorityValidationTests {
    let known: Set<String> = ["services", "professional-qualifications"]

    @Test func acceptsACompleteAuthority() throws {
        try AuthorityValidation.check(Fixtures.authority(), state: Fixtures.denmark, knownLegalAreas: known)
    }

    @Test func requiresTheEnglishNameAndOneInAnOfficialLanguage() {
        #expect(throws: DirectoryError.invalidField("name.en", .required)) {
            try AuthorityValidation.check(Fixtures.authority(name: [.da: "Styrelsen"]), state: Fixtures.denmark, knownLegalAreas: known)
        }
        #expect(throws: DirectoryError.invalidField("name", .required)) {
            try AuthorityValidation.check(
                Fixtures.authority(name: [.en: "Agency", .de: "Amt"]), state: Fixtures.denmark, knownLegalAreas: known)
        }
    }

    @Test func englishAloneSufficesWhereEnglishIsOfficial() throws {
        try AuthorityValidation.check(
            Fixtures.authority("IE", name: [.en: "Teaching Council"]), state: Fixtures.ireland, knownLegalAreas: known)
    }

    @Test func refusesUnknownAreasBadEmailAndOverlongText() {
        #expect(throws: DirectoryError.invalidField("legalAreas", .notAllowed)) {
            try AuthorityValidation.check(Fixtures.authority(areas: ["astrology"]), state: Fixtures.denmark, knownLegalAreas: known)
        }
        #expect(throws: DirectoryError.invalidField("legalAreas", .required)) {
            try AuthorityValidation.check(Fixtures.authority(areas: []), state: Fixtures.denmark, knownLegalAreas: known)
        }
        var badEmail = Fixtures.authority()
        badEmail.contact.email = "not an email"
        #expect(throws: DirectoryError.invalidField("contact.email", .malformed)) {
            try AuthorityValidation.check(badEmail, state: Fixtures.denmark, knownLegalAreas: known)
        }
        let long = String(repeating: "x", count: 201)
        #expect(throws: DirectoryError.invalidField("name.en", .tooLong(maximum: 200))) {
            try AuthorityValidation.check(
                Fixtures.authority(name: [.en: long, .da: "Styrelsen"]), state: Fixtures.denmark, knownLegalAreas: known)
        }
    }
}
