import Foundation
import Testing

@testable import OpenIMIDomain

/// Attachments, answer types, deadline highlighting, notifications and allocation.
@Suite struct RequestHandlingRulesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let requester = UUID()
    let responder = UUID()

    func request(_ state: RequestState, deadlineIn days: Double = 10) -> InformationRequest {
        var request = InformationRequest(
            id: RequestID.random(), number: RequestNumber("DK-2027-000001")!, procedure: "p", legalArea: "services", questionSetVersion: 1,
            involvement: Involvement(requester: AuthorityID(requester), responder: AuthorityID(responder)),
            deadline: now.addingTimeInterval(days * 86_400),
            subject: .business(Business(name: "Firma ApS", registrationNumber: "12345678", registrationState: "DK")), questions: ["q"],
            freeText: nil, createdBy: StepActor(userID: UserID(UUID()), organisationID: requester), at: now)
        request.state = state
        return request
    }

    @Test func attachmentTypesComeFromTheContentNotTheName() throws {
        let pdf = Array("%PDF-1.7\n".utf8)
        #expect(try AttachmentRule.check(name: "diploma.png", content: pdf) == .pdf)
        #expect(try AttachmentRule.check(name: "scan", content: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]) == .png)
        #expect(try AttachmentRule.check(name: "photo.jpg", content: [0xFF, 0xD8, 0xFF, 0xE0]) == .jpeg)
        #expect(throws: AttachmentError.unsupportedType) { try AttachmentRule.check(name: "x.pdf", content: Array("MZ\u{90}".utf8)) }
        #expect(throws: AttachmentError.unsupportedType) { try AttachmentRule.check(name: "x.pdf", content: Array("<html>".utf8)) }
        #expect(throws: AttachmentError.empty) { try AttachmentRule.check(name: "x.pdf", content: [UInt8]()) }
        #expect(throws: AttachmentError.invalidName) { try AttachmentRule.check(name: "../etc/passwd", content: pdf) }
        for hidden in ["a\u{0}.pdf", "report\u{202E}fdp.exe", "a\nb.pdf", "a\u{2028}b.pdf", "a\u{200B}b.pdf", "a\u{7F}.pdf"] {
            #expect(throws: AttachmentError.invalidName, "\(hidden.unicodeScalars.map(\.value))") {
                try AttachmentRule.check(name: hidden, content: pdf)
            }
        }
        #expect(try AttachmentRule.check(name: "Bekendtgørelse nr. 12 – bilag (ændret).pdf", content: pdf) == .pdf)
        let limit = AttachmentRule.maximumSize
        #expect(try AttachmentRule.check(name: "big.pdf", content: pdf + [UInt8](repeating: 0, count: limit - pdf.count)) == .pdf)
        #expect(throws: AttachmentError.tooLarge(limit: limit)) {
            try AttachmentRule.check(name: "big.pdf", content: pdf + [UInt8](repeating: 0, count: limit - pdf.count + 1))
        }
    }

    @Test func answersMustFitTheirQuestionsType() {
        func question(_ type: AnswerType) -> Question {
            Question(
                id: "q", text: LocalizedText([.en: "?"]), answer: type, personalData: true, sensitive: false,
                options: [AnswerOption(id: "a", text: LocalizedText([.en: "A"])), AnswerOption(id: "b", text: LocalizedText([.en: "B"]))])
        }
        let attachment = UUID()
        let cases: [(AnswerType, String, Bool)] = [
            (.yesNo, "yes", true), (.yesNo, "maybe", false), (.date, "2026-02-28", true), (.date, "2026-02-30", false),
            (.number, "12.5", true), (.number, "twelve", false), (.number, "inf", false), (.text, "Licensed since 2019", true),
            (.text, "  ", false), (.singleChoice, "a", true), (.singleChoice, "c", false), (.multipleChoice, "a,b", true),
            (.multipleChoice, "a,a", false), (.multipleChoice, "a,z", false), (.document, attachment.uuidString, true),
            (.document, UUID().uuidString, false),
        ]
        for (type, value, accepted) in cases {
            #expect(question(type).accepts(value, attachments: [attachment]) == accepted, "\(type) \(value)")
        }
    }

    @Test func deadlinesAreHighlightedWhenPassedOrWithinThreeDays() {
        #expect(DeadlineStatus.of(state: .sent, deadline: now.addingTimeInterval(-1), at: now) == .overdue)
        #expect(DeadlineStatus.of(state: .accepted, deadline: now.addingTimeInterval(3 * 86_400), at: now) == .dueSoon)
        #expect(DeadlineStatus.of(state: .accepted, deadline: now.addingTimeInterval(3 * 86_400 + 1), at: now) == .onTrack)
        for state in [RequestState.draft, .answered, .referred, .closed, .withdrawn] {
            #expect(DeadlineStatus.of(state: state, deadline: now.addingTimeInterval(-86_400), at: now) == .notRunning)
        }
    }

    @Test func eachStepNotifiesTheCounterpartsButNotTheActor() {
        let sent = request(.sent)
        let accepted = request(.accepted)
        #expect(RequestNotificationRule.recipients(before: request(.draft), after: sent, actor: requester) == [responder])
        #expect(RequestNotificationRule.recipients(before: sent, after: accepted, actor: responder) == [requester])
        var forwarded = request(.forwarded)
        let better = UUID()
        forwarded.involvement.responder = AuthorityID(better)
        forwarded.involvement.earlierResponders = [AuthorityID(responder)]
        #expect(Set(RequestNotificationRule.recipients(before: sent, after: forwarded, actor: responder)) == [requester, better])
        let coordinator = UUID()
        var referred = request(.referred)
        referred.involvement.referredTo = CoordinatorID(coordinator)
        #expect(
            Set(RequestNotificationRule.recipients(before: request(.answered), after: referred, actor: requester)) == [
                responder, coordinator,
            ])
        var closed = referred
        closed.state = .closed
        #expect(Set(RequestNotificationRule.recipients(before: referred, after: closed, actor: coordinator)) == [requester, responder])
        #expect(RequestNotificationRule.recipients(before: request(.draft), after: request(.draft), actor: requester).isEmpty)
    }

    @Test func allocationRoutesToAnActiveHandlerOfTheResponderInTheArea() throws {
        func user(_ organisation: UUID, _ roles: Set<Role>, status: UserStatus = .active) -> UserAccount {
            UserAccount(
                id: UserID(UUID()), organisation: .authority(AuthorityID(organisation)), username: "h", fullName: "H", email: "h@x.example",
                language: .sl, status: status, roles: roles, createdAt: now)
        }
        let handler = user(responder, [.requestHandler(legalArea: "services")])
        let allocator = StepActor(userID: UserID(UUID()), organisationID: responder)
        let allocated = try request(.sent).allocating(to: handler, by: allocator, at: now)
        #expect(allocated.allocatedTo == handler.id && allocated.version == 2)
        let step = try #require(allocated.steps.last)
        #expect(step.action == .allocate && step.from == .sent && step.to == .sent && step.allocatedTo == handler.id)
        #expect(step.actor == allocator, "the history names who allocated it, and to whom")
        for wrong in [
            user(requester, [.requestHandler(legalArea: "services")]), user(responder, [.reader(legalArea: "services")]),
            user(responder, [.requestHandler(legalArea: "services")], status: .suspended),
            user(responder, [.requestHandler(legalArea: "professional-qualifications")]),
        ] {
            #expect(throws: RequestStepError.allocationNotAllowed) { try request(.sent).allocating(to: wrong, by: allocator, at: now) }
        }
        #expect(throws: RequestStepError.allocationNotAllowed) { try request(.closed).allocating(to: handler, by: allocator, at: now) }
    }

    @Test func attachmentsComeFromThePartyWorkingOnTheRequest() {
        let allowed: Set<String> = ["requester draft", "requester additional-information-requested", "responder accepted"]
        for state in RequestState.allCases {
            for party in RequestParty.allCases {
                #expect(
                    InformationRequest.acceptsAttachments(in: state, from: party) == allowed.contains("\(party.rawValue) \(state.rawValue)")
                )
            }
        }
    }
}
