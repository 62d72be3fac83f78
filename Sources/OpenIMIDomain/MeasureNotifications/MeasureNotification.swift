import Foundation

/// The identifier of a notification.
public typealias MeasureNotificationID = Identifier<MeasureNotification>

/// A notification: an authority or coordinator informs chosen member states of a national measure
/// (e.g. Services Directive Art. 15(7), 39(5)); the parties discuss it in one comment thread and
/// the sender closes it. It carries no personal data by design: its text describes a measure, and
/// the form says so. The transitions in `MeasureNotification+Steps.swift` are the only writers.
public struct MeasureNotification: Sendable, Hashable, Identifiable {
    /// Its identifier.
    public internal(set) var id: MeasureNotificationID
    /// The number people use for it (`N-DK-2026-000003`), given at creation.
    public internal(set) var number: RequestNumber
    /// The notification procedure.
    public internal(set) var procedure: ProcedureCode
    /// The procedure's legal area.
    public internal(set) var legalArea: LegalAreaCode
    /// The notifying organisation (an authority or a coordinator).
    public internal(set) var sender: UUID
    /// Its member state, which is never a recipient.
    public internal(set) var senderState: MemberStateCode
    /// The member states it goes to, chosen when sending.
    public internal(set) var recipients: Set<MemberStateCode>
    /// What the measure is, in a line.
    public internal(set) var title: String
    /// The measure described.
    public internal(set) var text: String
    /// The language title and text are written in.
    public internal(set) var language: Language
    /// Where it stands.
    public internal(set) var state: MeasureNotificationState
    /// Increases with every change, for optimistic concurrency.
    public internal(set) var version: Int
    /// Every step, in order: creation, sending, each comment, closing.
    public internal(set) var steps: [MeasureNotificationStep]

    /// The prefix of a notification's number.
    public static let numberPrefix = "N-"
    /// The longest title.
    public static let maximumTitleLength = 200
    /// The longest text or comment.
    public static let maximumTextLength = 20_000
    /// The most documents one notification carries.
    public static let maximumAttachments = 10

    /// A new draft; refused when the title or text is empty or too long.
    public init(
        id: MeasureNotificationID, number: RequestNumber, procedure: ProcedureCode, legalArea: LegalAreaCode, sender: UUID,
        senderState: MemberStateCode, title: String, text: String, language: Language, by actor: StepActor, at now: Date
    ) throws(MeasureNotificationError) {
        self.id = id
        self.number = number
        self.procedure = procedure
        self.legalArea = legalArea
        self.sender = sender
        self.senderState = senderState
        self.recipients = []
        self.title = try Self.checked(title, "title", maximum: Self.maximumTitleLength)
        self.text = try Self.checked(text, "text", maximum: Self.maximumTextLength)
        self.language = language
        self.state = .draft
        self.version = 1
        self.steps = [MeasureNotificationStep(action: nil, actor: actor, memberState: senderState, comment: nil, at: now)]
    }

    /// The number as people write it.
    public var numberText: String { Self.numberPrefix + number.description }

    /// The comments, oldest first.
    public var comments: [MeasureNotificationStep] { steps.filter { $0.action == .comment } }

    /// When it was sent.
    public var sentAt: Date? { steps.first { $0.action == .send }?.at }

    /// `value` trimmed, or the refusal naming `field`.
    static func checked(_ value: String, _ field: String, maximum: Int) throws(MeasureNotificationError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .missing(field) }
        guard trimmed.count <= maximum else { throw .tooLong(field) }
        return trimmed
    }
}

/// One step of a notification.
public struct MeasureNotificationStep: Sendable, Hashable {
    /// The step; nil for the creation of the draft.
    public let action: MeasureNotificationAction?
    /// Who took it.
    public let actor: StepActor
    /// The member state of the organisation that took it.
    public let memberState: MemberStateCode
    /// With `comment`: what was said, and its language.
    public let comment: LocalizedComment?
    /// When.
    public let at: Date

    /// Creates a step.
    public init(action: MeasureNotificationAction?, actor: StepActor, memberState: MemberStateCode, comment: LocalizedComment?, at: Date) {
        self.action = action
        self.actor = actor
        self.memberState = memberState
        self.comment = comment
        self.at = at
    }
}

/// A comment with the language it was written in.
public struct LocalizedComment: Sendable, Hashable {
    /// The text.
    public let text: String
    /// Its language.
    public let language: Language

    /// Creates a comment.
    public init(text: String, language: Language) {
        self.text = text
        self.language = language
    }
}
