import Foundation
import OpenIMIDomain
import Testing

/// The rules behind data subjects' rights, consent and questions to coordinators, without server or database.
@Suite struct DataSubjectRightsRulesTests {
    static let day: TimeInterval = 86_400
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let authority = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["services"])
    static let person = DataSubject.person(
        NaturalPerson(givenNames: "Mette", familyNames: "Kjær", dateOfBirth: "1979-11-03", nationalities: [], identifiers: []))

    static func area(sanctions: Bool, consent: Bool) throws -> LegalArea {
        LegalArea(
            code: "solvit", name: LocalizedText([.en: "SOLVIT"]), legalActs: [], retention: try RetentionRule(),
            sanctionsDataAllowed: sanctions,
            consentIsLegalBasis: consent, procedures: [])
    }

    static func consent(_ purpose: ConsentPurpose, given: Date, withdrawn: Date? = nil) -> ConsentRecord {
        ConsentRecord(
            id: UUID(), requestID: UUID(), legalArea: "solvit", purpose: purpose, givenBy: "Mette Kjær", language: .da,
            wordingVersion: "2026-1",
            givenAt: given, recordedBy: StepActor(userID: UserID(UUID()), organisationID: UUID()), withdrawnAt: withdrawn)
    }

    @Test func aRightsRequestIsDueThirtyDaysAfterReceiptAndOverdueTheDayAfter() throws {
        let received = RightsRequest.day(of: Self.now)
        let entry = try RightsRequest.receiving(
            .access, subject: Self.person, identification: "Passport", language: .da, receivedOn: received, authority: Self.authority,
            by: UUID(), id: UUID(), now: Self.now)
        #expect(entry.dueOn == RightsRequest.day(of: Self.now.addingTimeInterval(30 * Self.day)))
        #expect(!entry.isOverdue(at: Self.now.addingTimeInterval(30 * Self.day)))
        #expect(entry.isOverdue(at: Self.now.addingTimeInterval(31 * Self.day)))
        let answered = try entry.handling(.completed, outcome: "Data sent", at: Self.now.addingTimeInterval(31 * Self.day))
        #expect(!answered.isOverdue(at: Self.now.addingTimeInterval(400 * Self.day)) && answered.version == 2)
        #expect(throws: RightsRequestError.alreadyHandled) { try answered.handling(.refused, outcome: "No", at: Self.now) }
        #expect(RightsRequest.dueDay(receivedOn: "2026-02-10") == "2026-03-12")
        #expect(throws: RightsRequestError.invalid("receivedOn")) {
            try RightsRequest.receiving(
                .access, subject: Self.person, identification: "x", language: .da, receivedOn: "2999-01-01", authority: Self.authority,
                by: UUID(), id: UUID(), now: Self.now)
        }
        #expect(throws: RightsRequestError.notAnAuthority) {
            try RightsRequest.receiving(
                .access, subject: Self.person, identification: "x", language: .da, receivedOn: received, authority: .platform, by: UUID(),
                id: UUID(), now: Self.now)
        }
    }

    @Test func sanctionsDataInAnAreaRestingOnConsentNeedAConsentInForce() throws {
        let consentArea = try Self.area(sanctions: true, consent: true)
        #expect(consentArea.sanctionsDataBasis == .explicitConsent)
        #expect(try Self.area(sanctions: true, consent: false).sanctionsDataBasis == .legalAct)
        #expect(try Self.area(sanctions: false, consent: true).sanctionsDataBasis == .notAllowed)
        let justification = "Needed to decide on the complaint"
        #expect(throws: RequestDataError.consentRequired) {
            try SensitiveDataRule.check(area: consentArea, justification: justification, consents: [], at: Self.now)
        }
        let given = Self.consent(.sanctionsData, given: Self.now.addingTimeInterval(-Self.day))
        try SensitiveDataRule.check(area: consentArea, justification: justification, consents: [given], at: Self.now)
        // Consent to something else, or withdrawn, does not count.
        #expect(throws: RequestDataError.consentRequired) {
            try SensitiveDataRule.check(
                area: consentArea, justification: justification,
                consents: [Self.consent(.processing, given: Self.now.addingTimeInterval(-Self.day))],
                at: Self.now)
        }
        let withdrawn = Self.consent(
            .sanctionsData, given: Self.now.addingTimeInterval(-2 * Self.day), withdrawn: Self.now.addingTimeInterval(-Self.day))
        #expect(throws: RequestDataError.consentRequired) {
            try SensitiveDataRule.check(area: consentArea, justification: justification, consents: [withdrawn], at: Self.now)
        }
        #expect(throws: RequestDataError.justificationRequired) {
            try SensitiveDataRule.check(area: consentArea, justification: "", consents: [given], at: Self.now)
        }
    }

    @Test func aWithdrawnConsentStopsProcessingWhereConsentIsTheBasis() throws {
        let area = try Self.area(sanctions: false, consent: true)
        let given = Self.consent(.processing, given: Self.now.addingTimeInterval(-2 * Self.day))
        #expect(!ConsentRule.processingWithdrawn(area: area, records: [given], at: Self.now))
        let withdrawn = try given.withdrawing(at: Self.now.addingTimeInterval(-Self.day))
        #expect(ConsentRule.processingWithdrawn(area: area, records: [withdrawn], at: Self.now))
        #expect(!ConsentRule.processingWithdrawn(area: try Self.area(sanctions: false, consent: false), records: [withdrawn], at: Self.now))
        #expect(throws: ConsentError.alreadyWithdrawn) { try withdrawn.withdrawing(at: Self.now) }
        #expect(throws: ConsentError.unknownWordingVersion("1999")) {
            try ConsentRule.validate(givenBy: "Mette", wordingVersion: "1999", givenAt: Self.now, now: Self.now)
        }
        #expect(throws: ConsentError.givenInTheFuture) {
            try ConsentRule.validate(
                givenBy: "Mette", wordingVersion: ConsentRule.wordingVersion, givenAt: Self.now.addingTimeInterval(60), now: Self.now)
        }
    }

    @Test func aCorrectionChangesOneFieldOfTheRightKindOfSubject() throws {
        let corrected = try CorrectableField.familyNames.correcting(Self.person, to: "Kjær-Holm")
        #expect(CorrectableField.familyNames.value(in: corrected) == "Kjær-Holm")
        #expect(CorrectableField.givenNames.value(in: corrected) == "Mette")
        #expect(throws: RightsRequestError.notCorrectable("registrationNumber")) {
            try CorrectableField.registrationNumber.correcting(Self.person, to: "DK1")
        }
        #expect(throws: RightsRequestError.invalid("value")) { try CorrectableField.dateOfBirth.correcting(Self.person, to: "1979-02-30") }
    }

    @Test func questionsGoToTheOwnStatesCoordinatorWhoAlonesAnswers() throws {
        let nimic = Organisation(id: .nationalCoordinator(.random()), memberState: .dk, coordinatorScope: .national)
        let asker = Principal(
            user: AccessPolicyMatrixTests.user(Self.authority, roles: [.requestHandler(legalArea: "services")]),
            organisation: Self.authority)
        let question = try CoordinatorQuestion.asking(
            subject: "Sanktioner", text: "Må vi?", by: asker, coordinator: nimic.id.coordinator!, id: UUID(), at: Self.now)
        let coordinatorUser = Principal(user: AccessPolicyMatrixTests.user(nimic, roles: [.nationalCoordinator]), organisation: nimic)
        let otherUser = Principal(
            user: AccessPolicyMatrixTests.user(Self.authority, roles: [.localDataAdministrator]), organisation: Self.authority)
        #expect(question.isVisible(to: asker) && question.isVisible(to: coordinatorUser) && !question.isVisible(to: otherUser))
        let answered = try question.answering("Ja", by: coordinatorUser.user.id, at: Self.now)
        #expect(throws: CoordinatorQuestionError.alreadyAnswered) { try answered.answering("Igen", by: UserID(UUID()), at: Self.now) }
        #expect(throws: CoordinatorQuestionError.missing("text")) {
            try CoordinatorQuestion.asking(
                subject: "x", text: "  ", by: asker, coordinator: nimic.id.coordinator!, id: UUID(), at: Self.now)
        }
        #expect(AccessPolicy.decide(asker, .askCoordinator, on: .memberState(.dk)) == .allow)
        #expect(AccessPolicy.decide(asker, .askCoordinator, on: .memberState(.si)) == .deny(.otherMemberState))
        #expect(AccessPolicy.decide(otherUser, .keepRightsRegister, on: .organisation(Self.authority)) == .allow)
        #expect(AccessPolicy.decide(asker, .keepRightsRegister, on: .organisation(Self.authority)) == .deny(.missingRole))
        #expect(AccessPolicy.decide(coordinatorUser, .viewOverdueRightsRequests, on: .memberState(.dk)) == .allow)
        #expect(AccessPolicy.decide(coordinatorUser, .exportSupervisoryRecord, on: .organisation(Self.authority)) == .allow)
        #expect(AccessPolicy.decide(otherUser, .exportSupervisoryRecord, on: .organisation(Self.authority)) == .allow)
        #expect(AccessPolicy.decide(asker, .exportSupervisoryRecord, on: .organisation(Self.authority)) == .deny(.missingRole))
    }
}
