import Foundation

/// The identifier of an alert.
public typealias AlertID = Identifier<Alert>

/// An alert: one authority warns the competent authorities of other member states about a
/// professional or a service provider. Its content is kept in versions (an amendment adds one,
/// the earlier stay); each recipient member state has its own delivery, routed by that state's
/// alert coordinators to the authorities concerned. The transitions in `Alert+Steps.swift` are
/// the only writers.
public struct Alert: Sendable, Hashable, Identifiable {
    /// The alert's identifier.
    public internal(set) var id: AlertID
    /// The number people use for it, given at creation.
    public internal(set) var number: AlertNumber
    /// The alert procedure it is sent under.
    public internal(set) var procedure: ProcedureCode
    /// The procedure's legal area.
    public internal(set) var legalArea: LegalAreaCode
    /// The version of the template its content follows.
    public internal(set) var templateVersion: Int
    /// The sending authority.
    public internal(set) var sender: UUID
    /// The sending authority's member state, which never receives its own alert.
    public internal(set) var senderState: MemberStateCode
    /// Where it stands.
    public internal(set) var state: AlertState
    /// Increases with every change, for optimistic concurrency.
    public internal(set) var version: Int
    /// The content, oldest first; the last is the current one (personal data).
    public internal(set) var contents: [AlertContent]
    /// The delivery in each recipient member state.
    public internal(set) var deliveries: [MemberStateCode: AlertDelivery]
    /// Every step, in order.
    public internal(set) var steps: [AlertStep]
    /// When it was sent.
    public internal(set) var sentAt: Date?
    /// When it was closed or withdrawn: its personal data are deleted within three days of it.
    public internal(set) var finishedAt: Date?
    /// The language of the person concerned, chosen when sending, for the information notice
    /// the sender gives them.
    public internal(set) var noticeLanguage: Language?

    /// The current content.
    public var content: AlertContent { contents[contents.count - 1] }

    /// A new draft; refused when the content does not fit the template.
    public init(
        id: AlertID, number: AlertNumber, procedure: ProcedureCode, legalArea: LegalAreaCode, template: AlertTemplate, sender: UUID,
        senderState: MemberStateCode, values: [String: String], language: Language, by actor: StepActor, at now: Date
    ) throws(AlertContentError) {
        try template.check(values)
        self.id = id
        self.number = number
        self.procedure = procedure
        self.legalArea = legalArea
        self.templateVersion = template.version
        self.sender = sender
        self.senderState = senderState
        self.state = .draft
        self.version = 1
        self.contents = [AlertContent(values: Self.trimmed(values), language: language, by: actor, at: now)]
        self.deliveries = [:]
        self.steps = [AlertStep(action: nil, memberState: nil, actor: actor, at: now)]
        self.sentAt = nil
        self.finishedAt = nil
        self.noticeLanguage = nil
    }

    static func trimmed(_ values: [String: String]) -> [String: String] {
        values.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.value.isEmpty }
    }
}

/// One version of an alert's content.
public struct AlertContent: Sendable, Hashable, Codable {
    /// The values by field id.
    public internal(set) var values: [String: String]
    /// The language the text fields are written in.
    public internal(set) var language: Language
    /// Who wrote this version.
    public internal(set) var by: StepActor
    /// When.
    public internal(set) var at: Date

    /// Creates a version of the content.
    public init(values: [String: String], language: Language, by: StepActor, at: Date) {
        self.values = values
        self.language = language
        self.by = by
        self.at = at
    }
}

/// An alert's delivery in one recipient member state.
public struct AlertDelivery: Sendable, Hashable, Codable {
    /// Where it stands in that state.
    public internal(set) var state: AlertDeliveryState
    /// The authorities of that state it was routed to.
    public internal(set) var routedTo: Set<UUID>
    /// Those of them that acknowledged it.
    public internal(set) var acknowledgedBy: Set<UUID>

    /// A delivery that has just arrived.
    public static let received = AlertDelivery(state: .received, routedTo: [], acknowledgedBy: [])

    /// Creates a delivery.
    public init(state: AlertDeliveryState, routedTo: Set<UUID>, acknowledgedBy: Set<UUID>) {
        self.state = state
        self.routedTo = routedTo
        self.acknowledgedBy = acknowledgedBy
    }
}

/// One recorded step of an alert: what, in which recipient state (for routing and
/// acknowledging), who and when.
public struct AlertStep: Sendable, Hashable, Codable {
    /// The step; nil for the creation of the draft.
    public internal(set) var action: AlertAction?
    /// The recipient member state whose delivery the step concerned.
    public internal(set) var memberState: MemberStateCode?
    /// Who took it.
    public internal(set) var actor: StepActor
    /// When.
    public internal(set) var at: Date
    /// With `route`: the authorities it was routed to.
    public internal(set) var routedTo: [UUID]
    /// With `route`: whether the recipient state's automatic routing did it as the alert was sent
    /// (the actor is then the sender).
    public internal(set) var automatic: Bool

    /// Creates a step record.
    public init(
        action: AlertAction?, memberState: MemberStateCode?, actor: StepActor, at: Date, routedTo: [UUID] = [], automatic: Bool = false
    ) {
        self.action = action
        self.memberState = memberState
        self.actor = actor
        self.at = at
        self.routedTo = routedTo
        self.automatic = automatic
    }
}
