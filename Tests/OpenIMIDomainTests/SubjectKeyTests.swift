import OpenIMIDomain
import Testing

/// Spelling variants of the same person or business give the same search key.
@Suite struct SubjectKeyTests {
    @Test func namesFoldCaseAccentsAndNordicLetters() {
        let key = SubjectKey.person(given: "Mette", family: "Kjær", born: "1979-11-03")
        #expect(key == SubjectKey.person(given: "METTE", family: "kjaer", born: "1979-11-03"))
        #expect(
            SubjectKey.person(given: "Søren", family: "Østergaard", born: "1965-02-17")
                == SubjectKey.person(given: " soren ", family: "OSTERGAARD", born: "1965-02-17"))
        #expect(
            SubjectKey.person(given: "Jože", family: "Novak-Škof", born: "1970-01-01")
                == SubjectKey.person(given: "Joze", family: "Novak Skof", born: "1970-01-01"))
        #expect(key != SubjectKey.person(given: "Mette", family: "Kjær", born: "1979-11-04"))
        #expect(SubjectKey.person(given: "Mette", family: "Kjær", born: nil) == nil, "a name alone is not a key")
        #expect(SubjectKey.person(given: "Νικόλαος", family: "Παπαδόπουλος", born: "1975-04-12") != nil)
    }

    @Test func identifiersAndRegistrationNumbersIgnoreSpacingAndPunctuation() {
        #expect(SubjectKey.identifier(issuer: "dk", value: "0311 79-1234") == SubjectKey.identifier(issuer: "DK", value: "0311791234"))
        #expect(SubjectKey.identifier(issuer: "DK", value: "0311791234") != SubjectKey.identifier(issuer: "SI", value: "0311791234"))
        #expect(SubjectKey.business(number: "dk 1234 5678", state: "DK") == SubjectKey.business(number: "DK12345678", state: "dk"))
        #expect(SubjectKey.identifier(issuer: nil, value: " - ") == nil)
        let person = DataSubject.person(
            NaturalPerson(
                givenNames: "Anna", familyNames: "Müller", dateOfBirth: "1972-07-14", nationalities: ["DE"],
                identifiers: [PersonalIdentifier(kind: "national-id", value: "T22000129", issuer: "DE")]))
        #expect(SubjectKey.keys(of: person).count == 2)
    }
}
