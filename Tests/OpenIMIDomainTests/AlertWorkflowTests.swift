import Foundation
import OpenIMIDomain
import Testing

/// Every combination of the alert workflow, written out independently of the implementation's
/// tables, and the rules of sending, amending, routing and acknowledging an alert.
@Suite struct AlertWorkflowTests {
    static let senderSteps: [String: AlertState] = [
        "draft send": .sent, "sent amend": .sent, "sent close": .closed, "sent withdraw": .withdrawn,
    ]
    static let deliverySteps: [String: AlertDeliveryState] = [
        "received route recipient-coordinator": .routed, "routed route recipient-coordinator": .routed,
        "acknowledged route recipient-coordinator": .acknowledged,
        "routed acknowledge recipient-authority": .acknowledged, "acknowledged acknowledge recipient-authority": .acknowledged,
    ]

    @Test(arguments: AlertState.allCases)
    func everySenderStepIsAllowedOrRefused(state: AlertState) {
        for action in AlertAction.allCases {
            let key = "\(state.rawValue) \(action.rawValue)"
            do {
                let next = try AlertWorkflow.next(from: state, action)
                #expect(Self.senderSteps[key] == next, "\(key) led to \(next)")
            } catch {
                #expect(Self.senderSteps[key] == nil, "\(key) was refused")
                #expect(error == .notAllowed(state, action, .sender))
            }
        }
    }

    @Test(arguments: AlertState.allCases)
    func everyDeliveryStepIsAllowedOnlyWhileSent(alert: AlertState) {
        for delivery in AlertDeliveryState.allCases {
            for action in AlertAction.allCases {
                for party in AlertParty.allCases {
                    let key = "\(delivery.rawValue) \(action.rawValue) \(party.rawValue)"
                    let expected = alert == .sent ? Self.deliverySteps[key] : nil
                    #expect((try? AlertWorkflow.next(delivery: delivery, of: alert, action, by: party)) == expected, "\(alert) \(key)")
                }
            }
        }
    }

    @Test func finishedAlertsAllowNothing() {
        for state in AlertState.allCases where state.isFinal {
            for party in AlertParty.allCases {
                for delivery in AlertDeliveryState.allCases {
                    #expect(AlertWorkflow.actions(in: state, delivery: delivery, for: party).isEmpty)
                }
            }
        }
        #expect(AlertWorkflow.actions(in: .sent, delivery: nil, for: .sender) == [.amend, .close, .withdraw])
        #expect(AlertWorkflow.actions(in: .sent, delivery: .received, for: .recipientCoordinator) == [.route])
        #expect(AlertWorkflow.actions(in: .sent, delivery: .received, for: .recipientAuthority).isEmpty)
    }
}

@Suite struct AlertTests {
    static let actor = StepActor(userID: UserID.random(), organisationID: UUID())
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let states = ["AT", "BE", "DK", "SI", "DE"].compactMap(MemberStateCode.init(rawValue:))

    static func template(_ recipients: AlertRecipientRule) -> AlertTemplate {
        AlertTemplate(
            procedure: "pq-alert", version: 2, recipients: recipients,
            fields: [
                AlertField(
                    id: "name", title: LocalizedText([.en: "Name"]), kind: .text, required: true, personalData: true, sensitive: false),
                AlertField(
                    id: "decided", title: LocalizedText([.en: "Decided"]), kind: .decisionDate, required: true, personalData: false,
                    sensitive: false),
                AlertField(
                    id: "ground", title: LocalizedText([.en: "Ground"]), kind: .choice, required: false, personalData: true,
                    sensitive: true,
                    options: [AnswerOption(id: "restricted", text: LocalizedText([.en: "Restricted"]))]),
            ])
    }

    static func draft(_ recipients: AlertRecipientRule = .allOtherStates) throws -> Alert {
        try Alert(
            id: .random(), number: AlertNumber("A-DK-2026-000001")!, procedure: "pq-alert", legalArea: "professional-qualifications",
            template: template(recipients), sender: UUID(), senderState: MemberStateCode(rawValue: "DK")!,
            values: ["name": " Mette Kjær ", "decided": "2026-11-20"], language: .da, by: actor, at: now)
    }

    @Test func alertNumbersAreReadAndWrittenWithTheirPrefix() throws {
        let number = try #require(AlertNumber("a-dk-2026-000017"))
        #expect(number.description == "A-DK-2026-000017" && number.parts.memberState.rawValue == "DK" && number.parts.sequence == 17)
        for text in ["DK-2026-000017", "A-DK-2026-17", "A-XX-2026-000001", "A-DK-2026-000017-1", "AA-DK-2026-000017", ""] {
            #expect(AlertNumber(text) == nil, "\(text)")
        }
        #expect(
            try JSONDecoder().decode([AlertNumber].self, from: Data(#"["A-SI-2026-000002"]"#.utf8)) == [AlertNumber("A-SI-2026-000002")!])
    }

    @Test func theContentMustFitItsTemplate() throws {
        let template = Self.template(.allOtherStates)
        #expect(throws: AlertContentError.missing("name")) { try template.check(["decided": "2026-11-20"]) }
        #expect(throws: AlertContentError.unknownField("extra")) {
            try template.check(["name": "A", "decided": "2026-11-20", "extra": "x"])
        }
        #expect(throws: AlertContentError.malformed("decided")) { try template.check(["name": "A", "decided": "2026-02-30"]) }
        #expect(throws: AlertContentError.malformed("ground")) {
            try template.check(["name": "A", "decided": "2026-11-20", "ground": "jail"])
        }
        #expect(throws: AlertContentError.tooLong("name")) {
            try template.check(["name": String(repeating: "x", count: AlertTemplate.maximumValueLength + 1), "decided": "2026-11-20"])
        }
        let draft = try Self.draft()
        #expect(draft.state == .draft && draft.content.values["name"] == "Mette Kjær" && draft.templateVersion == 2)
    }

    @Test func aQualificationsAlertGoesToEveryOtherStateAndAmendmentsKeepTheEarlierVersion() throws {
        let sent = try Self.draft().sending(
            template: Self.template(.allOtherStates), chosen: [], allStates: Self.states, by: Self.actor, at: Self.now)
        #expect(sent.state == .sent && Set(sent.deliveries.keys.map(\.rawValue)) == ["AT", "BE", "SI", "DE"])
        #expect(sent.deliveries.values.allSatisfy { $0.state == .received } && sent.sentAt == Self.now)
        let amended = try sent.amending(
            values: ["name": "Mette Kjær", "decided": "2026-11-20", "ground": "restricted"], language: .da,
            template: Self.template(.allOtherStates), by: Self.actor, at: Self.now.addingTimeInterval(60))
        #expect(
            amended.contents.count == 2 && amended.contents[0].values["ground"] == nil && amended.content.values["ground"] == "restricted")
        #expect(amended.version == sent.version + 1)
        #expect(throws: AlertStepError.content(.missing("name"))) {
            try sent.amending(
                values: ["decided": "2026-11-20"], language: .da, template: Self.template(.allOtherStates), by: Self.actor, at: Self.now)
        }
        let closed = try amended.closing(by: Self.actor, at: Self.now.addingTimeInterval(120))
        #expect(closed.state == .closed && closed.finishedAt != nil)
        #expect(throws: AlertStepError.workflow(.notAllowed(.closed, .amend, .sender))) {
            try closed.amending(
                values: ["name": "X", "decided": "2026-11-20"], language: .da, template: Self.template(.allOtherStates), by: Self.actor,
                at: Self.now)
        }
    }

    @Test func aServicesAlertGoesToTheChosenStatesOnly() throws {
        let template = Self.template(.chosenStatesAndCommission)
        let draft = try Self.draft(.chosenStatesAndCommission)
        let si = MemberStateCode(rawValue: "SI")!
        let dk = MemberStateCode(rawValue: "DK")!
        #expect(throws: AlertStepError.invalidRecipients) {
            try draft.sending(template: template, chosen: [], allStates: Self.states, by: Self.actor, at: Self.now)
        }
        #expect(throws: AlertStepError.invalidRecipients) {
            try draft.sending(template: template, chosen: [si, dk], allStates: Self.states, by: Self.actor, at: Self.now)
        }
        #expect(throws: AlertStepError.invalidRecipients) {
            try draft.sending(template: template, chosen: [si, si], allStates: Self.states, by: Self.actor, at: Self.now)
        }
        let sent = try draft.sending(template: template, chosen: [si], allStates: Self.states, by: Self.actor, at: Self.now)
        #expect(Array(sent.deliveries.keys) == [si])
        let withdrawn = try sent.withdrawing(by: Self.actor, at: Self.now)
        #expect(withdrawn.state == .withdrawn)
    }

    @Test func onlyRoutedAuthoritiesAcknowledgeAndOnlyInARecipientState() throws {
        let sent = try Self.draft().sending(
            template: Self.template(.allOtherStates), chosen: [], allStates: Self.states, by: Self.actor, at: Self.now)
        let si = MemberStateCode(rawValue: "SI")!
        let (chamber, ministry) = (UUID(), UUID())
        #expect(throws: AlertStepError.notRouted) { try sent.acknowledging(in: si, authority: chamber, by: Self.actor, at: Self.now) }
        #expect(throws: AlertStepError.noAuthority) { try sent.routing(in: si, to: [], by: Self.actor, at: Self.now) }
        #expect(throws: AlertStepError.notARecipient(MemberStateCode(rawValue: "DK")!)) {
            try sent.routing(in: MemberStateCode(rawValue: "DK")!, to: [chamber], by: Self.actor, at: Self.now)
        }
        let routed = try sent.routing(in: si, to: [chamber], by: Self.actor, at: Self.now)
        #expect(routed.deliveries[si]?.state == .routed && routed.steps.last?.routedTo == [chamber] && routed.steps.last?.memberState == si)
        #expect(throws: AlertStepError.notRouted) { try routed.acknowledging(in: si, authority: ministry, by: Self.actor, at: Self.now) }
        let acknowledged = try routed.acknowledging(in: si, authority: chamber, by: Self.actor, at: Self.now)
        #expect(acknowledged.deliveries[si]?.state == .acknowledged && acknowledged.deliveries[si]?.acknowledgedBy == [chamber])
        let more = try acknowledged.routing(in: si, to: [ministry], by: Self.actor, at: Self.now)
        #expect(more.deliveries[si]?.state == .acknowledged && more.deliveries[si]?.routedTo == [chamber, ministry])
        let withdrawn = try more.withdrawing(by: Self.actor, at: Self.now)
        #expect(throws: AlertStepError.workflow(.notAllowed(.withdrawn, .acknowledge, .recipientAuthority))) {
            try withdrawn.acknowledging(in: si, authority: ministry, by: Self.actor, at: Self.now)
        }
    }

    @Test func threeDaysToSendAndThreeDaysToDelete() throws {
        let decided = try #require(AlertTemplate.day("2026-11-20"))
        #expect(try Self.draft().decisionDay(template: Self.template(.allOtherStates)) == decided)
        #expect(!AlertTimeliness.isLate(decisionDay: decided, at: decided.addingTimeInterval(3 * 86_400 + 86_399)))
        #expect(AlertTimeliness.isLate(decisionDay: decided, at: decided.addingTimeInterval(4 * 86_400)))
        #expect(AlertTimeliness.wasSentInTime(decisionDay: decided, sentAt: decided.addingTimeInterval(2 * 86_400)))
        #expect(!AlertTimeliness.wasSentInTime(decisionDay: decided, sentAt: decided.addingTimeInterval(5 * 86_400)))
        #expect(AlertTimeliness.deletionDue(finishedAt: decided) == decided.addingTimeInterval(3 * 86_400))
    }
}
