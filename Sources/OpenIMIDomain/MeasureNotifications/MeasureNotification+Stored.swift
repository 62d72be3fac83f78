import Foundation

extension MeasureNotification {
    /// A notification as it was stored; only the persistence layer rebuilds notifications this
    /// way, from what the transitions wrote.
    public init(
        stored id: MeasureNotificationID, number: RequestNumber, procedure: ProcedureCode, legalArea: LegalAreaCode, sender: UUID,
        senderState: MemberStateCode, recipients: Set<MemberStateCode>, title: String, text: String, language: Language,
        state: MeasureNotificationState, version: Int, steps: [MeasureNotificationStep]
    ) {
        self.id = id
        self.number = number
        self.procedure = procedure
        self.legalArea = legalArea
        self.sender = sender
        self.senderState = senderState
        self.recipients = recipients
        self.title = title
        self.text = text
        self.language = language
        self.state = state
        self.version = version
        self.steps = steps
    }
}
