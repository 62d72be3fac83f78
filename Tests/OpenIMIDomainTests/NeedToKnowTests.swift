import Foundation
import Testing

@testable import OpenIMIDomain

@Suite struct NeedToKnowTests {
    let requester = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["professional-qualifications"])
    let responder = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["professional-qualifications"])
    let earlier = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["professional-qualifications"])
    let outsider = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["professional-qualifications"])
    let coordinator = Organisation(id: .nationalCoordinator(.random()), memberState: .dk, coordinatorScope: .national)
    let otherCoordinator = Organisation(id: .nationalCoordinator(.random()), memberState: .si, coordinatorScope: .national)

    func principal(_ organisation: Organisation, _ roles: Set<Role>) -> Principal {
        Principal(
            user: UserAccount(
                id: UserID(UUID()), organisation: organisation.id, username: "u", fullName: "U",
                email: "u@x.example",
                language: .en, status: .active, roles: roles, createdAt: Date()),
            organisation: organisation)
    }

    @Test func onlyInvolvedUsersWithARoleInTheAreaSeePersonalData() {
        let involvement = Involvement(
            requester: requester.id.authority!, responder: responder.id.authority!, earlierResponders: [earlier.id.authority!],
            referredTo: coordinator.id.coordinator)
        let area = "professional-qualifications"
        let handler: Set<Role> = [.requestHandler(legalArea: area)]
        #expect(involvement.mayReadPersonalData(principal(requester, handler), legalArea: area))
        #expect(involvement.mayReadPersonalData(principal(responder, [.reader(legalArea: area)]), legalArea: area))
        #expect(involvement.mayReadPersonalData(principal(earlier, handler), legalArea: area))
        #expect(involvement.mayReadPersonalData(principal(coordinator, [.nationalCoordinator]), legalArea: area))
        // Not involved, or involved without a role in the area: nothing personal.
        #expect(!involvement.mayReadPersonalData(principal(outsider, handler), legalArea: area))
        #expect(!involvement.mayReadPersonalData(principal(requester, [.localDataAdministrator]), legalArea: area))
        #expect(!involvement.mayReadPersonalData(principal(requester, [.requestHandler(legalArea: "services")]), legalArea: area))
        #expect(!involvement.mayReadPersonalData(principal(otherCoordinator, [.nationalCoordinator]), legalArea: area))
        #expect(!involvement.mayReadPersonalData(principal(.platform, [.platformOperator]), legalArea: area))
        var suspended = principal(requester, handler)
        suspended.user.status = .suspended
        #expect(!involvement.mayReadPersonalData(suspended, legalArea: area))
        #expect(involvement.party(of: earlier) == .responder && !involvement.isCurrentResponder(earlier))
    }

    @Test func sensitiveDataNeedsTheActAndAJustification() throws {
        let files = try JSONDecoder().decode(
            [LegalArea].self,
            from: Data(
                #"[{"code":"pq","name":{"en":"PQ"},"legalActs":[],"retention":{"blockAfterMonths":6},"sanctionsDataAllowed":true,"consentIsLegalBasis":false,"procedures":[]},{"code":"pd","name":{"en":"PD"},"legalActs":[],"retention":{"blockAfterMonths":6},"sanctionsDataAllowed":false,"consentIsLegalBasis":false,"procedures":[]}]"#
                    .utf8))
        try SensitiveDataRule.check(area: files[0], justification: "Needed to decide on recognition of the diploma.")
        #expect(throws: RequestDataError.justificationRequired) { try SensitiveDataRule.check(area: files[0], justification: " ") }
        #expect(throws: RequestDataError.sensitiveDataNotAllowed(area: "pd")) {
            try SensitiveDataRule.check(area: files[1], justification: "Needed to decide on the case at hand.")
        }
    }

    @Test func subjectsMustBeIdentified() throws {
        try DataSubject.person(
            NaturalPerson(givenNames: "Anna", familyNames: "Hansen", dateOfBirth: "1980-02-29", nationalities: ["DK"], identifiers: [])
        ).validate()
        #expect(throws: RequestDataError.malformed("subject.dateOfBirth")) {
            try DataSubject.person(
                NaturalPerson(givenNames: "A", familyNames: "H", dateOfBirth: "1981-02-29", nationalities: [], identifiers: [])
            )
            .validate()
        }
        #expect(throws: RequestDataError.missing("subject.registrationNumber")) {
            try DataSubject.business(Business(name: "Firma ApS", registrationNumber: " ", registrationState: "DK")).validate()
        }
    }
}
