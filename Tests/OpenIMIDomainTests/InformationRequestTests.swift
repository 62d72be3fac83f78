import Foundation
import Testing

@testable import OpenIMIDomain

@Suite struct InformationRequestTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let requester = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["professional-qualifications"])
    let responder = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["professional-qualifications"])
    let betterPlaced = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["professional-qualifications"])

    var area: LegalArea {
        LegalArea(
            code: "professional-qualifications", name: LocalizedText([.en: "PQ"]), legalActs: [], retention: try! RetentionRule(),
            sanctionsDataAllowed: true, consentIsLegalBasis: false, procedures: [])
    }

    func draft() -> InformationRequest {
        InformationRequest(
            id: RequestID.random(), number: RequestNumber("DK-2026-000001")!, procedure: "pq-information-request",
            legalArea: "professional-qualifications", questionSetVersion: 1,
            involvement: Involvement(requester: requester.id.authority!, responder: responder.id.authority!),
            deadline: now.addingTimeInterval(14 * 86_400),
            subject: .person(
                NaturalPerson(givenNames: "Anna", familyNames: "Hansen", dateOfBirth: nil, nationalities: ["DK"], identifiers: [])),
            questions: ["legally-established", "disciplinary-sanctions"],
            freeText: FreeText(text: "Ansøgning om anerkendelse", language: .da),
            createdBy: actor(requester), at: now)
    }

    func actor(_ organisation: Organisation) -> StepActor { StepActor(userID: UserID(UUID()), organisationID: organisation.id.uuid!) }

    @Test func aRequestTravelsThroughForwardAnswerAndClosure() throws {
        var request = draft()
        request = try request.taking(.send, by: .requester, actor: actor(requester), responderState: .si, at: now)
        request = try request.taking(
            .forward, by: .responder, actor: actor(responder), responderState: .si,
            details: StepDetails(comment: "Better placed", forwardTo: betterPlaced),
            at: now)
        #expect(
            request.involvement.responder == betterPlaced.id.authority && request.involvement.earlierResponders == [responder.id.authority!]
        )
        let proposed = now.addingTimeInterval(30 * 86_400)
        request = try request.taking(
            .accept, by: .responder, actor: actor(betterPlaced), responderState: .si, details: StepDetails(proposedDeadline: proposed),
            at: now)
        request = try request.decidingProposedDeadline(accept: true)
        #expect(request.deadline == proposed && request.proposedDeadline == nil)
        let questions = [
            Question(id: "legally-established", text: LocalizedText([.en: "?"]), answer: .yesNo, personalData: true, sensitive: false),
            Question(id: "disciplinary-sanctions", text: LocalizedText([.en: "?"]), answer: .yesNo, personalData: true, sensitive: true),
        ]
        #expect(throws: RequestStepError.unansweredQuestions(["legally-established", "disciplinary-sanctions"])) {
            try request.taking(.answer, by: .responder, actor: actor(betterPlaced), responderState: .si, at: now)
        }
        request = try request.answering(questions[0], with: Answer(value: "yes"), area: area)
        #expect(throws: RequestStepError.sensitiveData(.justificationRequired)) {
            try request.answering(questions[1], with: Answer(value: "no"), area: area)
        }
        request = try request.answering(
            questions[1], with: Answer(value: "no", justification: "Needed for the recognition decision"), area: area)
        request = try request.taking(.answer, by: .responder, actor: actor(betterPlaced), responderState: .si, at: now)
        let closing = now.addingTimeInterval(86_400)
        request = try request.taking(.close, by: .requester, actor: actor(requester), responderState: .si, at: closing)
        #expect(request.state == .closed && request.formalClosureDate == closing)
        #expect(request.steps.map(\.to) == [.draft, .sent, .forwarded, .accepted, .answered, .closed])
        #expect(request.version == 9)
    }

    @Test func forwardingStaysInTheRespondersStateWithACompetentAuthority() throws {
        let sent = try draft().taking(.send, by: .requester, actor: actor(requester), responderState: .si, at: now)
        let danish = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["professional-qualifications"])
        #expect(throws: RequestStepError.forwardOutsideResponderState) {
            try sent.taking(
                .forward, by: .responder, actor: actor(responder), responderState: .si, details: StepDetails(forwardTo: danish), at: now)
        }
        let wrongArea = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["services"])
        #expect(throws: RequestStepError.forwardTargetNotCompetent) {
            try sent.taking(
                .forward, by: .responder, actor: actor(responder), responderState: .si, details: StepDetails(forwardTo: wrongArea), at: now)
        }
        #expect(throws: RequestStepError.workflow(.transitionNotAllowed(from: .sent, action: .answer, party: .responder))) {
            try sent.taking(.answer, by: .responder, actor: actor(responder), responderState: .si, at: now)
        }
    }

    @Test func sendingNeedsAQuestionAndAFutureDeadline() {
        var late = draft()
        late.deadline = now.addingTimeInterval(-1)
        #expect(throws: RequestStepError.deadlineInThePast) {
            try late.taking(.send, by: .requester, actor: actor(requester), responderState: .si, at: now)
        }
        var empty = draft()
        empty.questions = []
        empty.freeText = nil
        #expect(throws: RequestStepError.nothingAsked) {
            try empty.taking(.send, by: .requester, actor: actor(requester), responderState: .si, at: now)
        }
        #expect(draft().isOverdue(at: now.addingTimeInterval(30 * 86_400)) == false, "drafts are never overdue")
    }
}
