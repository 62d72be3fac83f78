import Foundation
import Testing

@testable import OpenIMIDomain

/// The notification workflow against a table written independently of the implementation's, the
/// rules of its content, and who reads and acts on it.
@Suite struct MeasureNotificationTests {
    static let steps: [String: MeasureNotificationState] = [
        "draft send sender": .sent, "sent comment sender": .sent, "sent comment recipient": .sent, "sent close sender": .closed,
    ]
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let sender = Organisation(id: .authority(.random()), memberState: .dk, legalAreas: ["services"])
    static let actor = StepActor(userID: UserID.random(), organisationID: sender.id.uuid!)

    static func draft() throws -> MeasureNotification {
        try MeasureNotification(
            id: .random(), number: RequestNumber(memberState: .dk, year: 2026, sequence: 3)!,
            procedure: ProcedureCode(rawValue: "services-notification")!,
            legalArea: LegalAreaCode(rawValue: "services")!, sender: sender.id.uuid!, senderState: .dk, title: " New requirement ",
            text: "Architects must hold insurance.", language: .en, by: actor, at: now)
    }

    static func principal(_ organisation: Organisation, _ roles: Set<Role>) -> Principal {
        Principal(user: AccessPolicyMatrixTests.user(organisation, roles: roles), organisation: organisation)
    }

    @Test(arguments: MeasureNotificationState.allCases)
    func everyStepIsAllowedOrRefused(state: MeasureNotificationState) {
        for action in MeasureNotificationAction.allCases {
            for party in MeasureNotificationParty.allCases {
                let key = "\(state.rawValue) \(action.rawValue) \(party.rawValue)"
                do {
                    let next = try MeasureNotificationWorkflow.next(from: state, action, by: party)
                    #expect(Self.steps[key] == next, "\(key) led to \(next)")
                } catch {
                    #expect(Self.steps[key] == nil, "\(key) was refused")
                    #expect(error == .notAllowed(state, action, party))
                }
            }
        }
        #expect(MeasureNotificationWorkflow.actions(in: .closed, for: .sender).isEmpty)
    }

    @Test func documentsChangeOnlyTheDraftAndAreCounted() throws {
        let draft = try Self.draft()
        let attached = try draft.attaching(beside: MeasureNotification.maximumAttachments - 1)
        #expect(attached.version == draft.version + 1 && attached.steps == draft.steps)
        #expect(throws: MeasureNotificationError.tooManyAttachments(maximum: MeasureNotification.maximumAttachments)) {
            try draft.attaching(beside: MeasureNotification.maximumAttachments)
        }
        #expect(try draft.detaching().version == draft.version + 1)
        let sent = try draft.sending(to: [.si], by: Self.actor, at: Self.now)
        #expect(throws: MeasureNotificationError.attachmentsFixed) { try sent.attaching(beside: 0) }
        #expect(throws: MeasureNotificationError.attachmentsFixed) { try sent.detaching() }
        #expect(throws: MeasureNotificationError.attachmentsFixed) { try sent.closing(by: Self.actor, at: Self.now).attaching(beside: 0) }
    }

    @Test func coordinatorsAreToldWhatTheirStateReceivesInTheirAreas() {
        #expect(CoordinatorScope.national.receives(legalArea: "services"))
        #expect(CoordinatorScope.area(legalAreas: ["services"]).receives(legalArea: "services"))
        #expect(!CoordinatorScope.area(legalAreas: ["professional-qualifications"]).receives(legalArea: "services"))
        #expect(!CoordinatorScope.region("Hovedstaden").receives(legalArea: "services"))
    }

    @Test func sendingAndClosingTellTheRecipientStatesAndACommentTellsTheSenderToo() throws {
        let sent = try Self.draft().sending(to: [.si, .de], by: Self.actor, at: Self.now)
        for action in [MeasureNotificationAction.send, .close] {
            #expect(MeasureNotificationNoticeRule.audience(of: action, on: sent) == .init(sender: false, states: [.si, .de]))
        }
        #expect(MeasureNotificationNoticeRule.audience(of: .comment, on: sent) == .init(sender: true, states: [.si, .de]))
    }

    @Test func contentIsCheckedAndStepsAreKept() throws {
        let draft = try Self.draft()
        #expect(draft.title == "New requirement" && draft.numberText == "N-DK-2026-000003" && draft.state == .draft)
        #expect(throws: MeasureNotificationError.missing("title")) {
            try MeasureNotification(
                id: .random(), number: draft.number, procedure: draft.procedure, legalArea: draft.legalArea, sender: draft.sender,
                senderState: .dk, title: "  ", text: "x", language: .en, by: Self.actor, at: Self.now)
        }
        #expect(throws: MeasureNotificationError.tooLong("text")) {
            try MeasureNotification(
                id: .random(), number: draft.number, procedure: draft.procedure, legalArea: draft.legalArea, sender: draft.sender,
                senderState: .dk, title: "t", text: String(repeating: "x", count: 20_001), language: .en, by: Self.actor, at: Self.now)
        }
        #expect(throws: MeasureNotificationError.recipients) { try draft.sending(to: [], by: Self.actor, at: Self.now) }
        #expect(throws: MeasureNotificationError.recipients) { try draft.sending(to: [.dk, .si], by: Self.actor, at: Self.now) }
        let sent = try draft.sending(to: [.si], by: Self.actor, at: Self.now)
        let commented = try sent.commenting(
            "We apply the same rule.", language: .sl, by: .recipient, actor: Self.actor, memberState: .si, at: Self.now)
        #expect(commented.comments.count == 1 && commented.comments[0].comment?.language == .sl && commented.version == 3)
        #expect(throws: MeasureNotificationError.missing("comment")) {
            try sent.commenting(" ", language: .en, by: .recipient, actor: Self.actor, memberState: .si, at: Self.now)
        }
        let closed = try commented.closing(by: Self.actor, at: Self.now)
        #expect(throws: MeasureNotificationError.notAllowed(.closed, .comment, .recipient)) {
            try closed.commenting("late", language: .en, by: .recipient, actor: Self.actor, memberState: .si, at: Self.now)
        }
    }

    @Test func onlyThePartiesReadAndOnlyTheSenderSendsAndCloses() throws {
        let draft = try Self.draft()
        let sent = try draft.sending(to: [.si], by: Self.actor, at: Self.now)
        let handler = Self.principal(Self.sender, [.alertHandler(legalArea: "services")])
        let siAuthority = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["services"])
        let siOtherArea = Organisation(id: .authority(.random()), memberState: .si, legalAreas: ["professional-qualifications"])
        let deAuthority = Organisation(id: .authority(.random()), memberState: .de, legalAreas: ["services"])
        let siNimic = Organisation(id: .nationalCoordinator(.random()), memberState: .si, coordinatorScope: .national)
        func decide(_ principal: Principal, _ action: AccessAction, _ notification: MeasureNotification) -> Bool {
            AccessPolicy.decide(principal, action, on: .notification(notification.facts)).isAllowed
        }
        // The draft is the sender's alone.
        #expect(decide(handler, .readNotification, draft) && decide(handler, .actOnNotification(.send), draft))
        #expect(!decide(Self.principal(siNimic, [.nationalCoordinator]), .readNotification, draft))
        // Sent: the recipient state's coordinator and authorities of the area with a role in it.
        #expect(decide(Self.principal(siNimic, [.nationalCoordinator]), .readNotification, sent))
        #expect(decide(Self.principal(siNimic, [.nationalCoordinator]), .actOnNotification(.comment), sent))
        #expect(decide(Self.principal(siAuthority, [.requestHandler(legalArea: "services")]), .actOnNotification(.comment), sent))
        #expect(decide(Self.principal(siAuthority, [.reader(legalArea: "services")]), .readNotification, sent))
        #expect(!decide(Self.principal(siAuthority, [.reader(legalArea: "services")]), .actOnNotification(.comment), sent))
        #expect(!decide(Self.principal(siAuthority, [.localDataAdministrator]), .readNotification, sent))
        #expect(!decide(Self.principal(siOtherArea, [.requestHandler(legalArea: "professional-qualifications")]), .readNotification, sent))
        #expect(!decide(Self.principal(deAuthority, [.alertHandler(legalArea: "services")]), .readNotification, sent))
        #expect(!decide(Self.principal(.platform, [.platformOperator]), .readNotification, sent))
        // Recipients never send or close; the sender's reader does not act.
        #expect(!decide(Self.principal(siNimic, [.nationalCoordinator]), .actOnNotification(.close), sent))
        #expect(decide(handler, .actOnNotification(.close), sent))
        #expect(!decide(Self.principal(Self.sender, [.reader(legalArea: "services")]), .actOnNotification(.close), sent))
        #expect(
            AccessPolicy.decide(handler, .createNotification(legalArea: "services"), on: .organisation(Self.sender)).isAllowed
                && !AccessPolicy.decide(
                    handler, .createNotification(legalArea: "professional-qualifications"), on: .organisation(Self.sender)
                )
                .isAllowed)
    }
}

extension MemberStateCode {
    static let de = MemberStateCode(rawValue: "DE")!
}
