import Foundation

extension Alert {
    /// An alert as it was stored; only the persistence layer rebuilds alerts this way, from what
    /// the transitions wrote.
    public init(
        stored id: AlertID, number: AlertNumber, procedure: ProcedureCode, legalArea: LegalAreaCode, templateVersion: Int, sender: UUID,
        senderState: MemberStateCode, state: AlertState, version: Int, contents: [AlertContent],
        deliveries: [MemberStateCode: AlertDelivery], steps: [AlertStep], sentAt: Date?, finishedAt: Date?,
        noticeLanguage: Language? = nil
    ) {
        self.id = id
        self.number = number
        self.procedure = procedure
        self.legalArea = legalArea
        self.templateVersion = templateVersion
        self.sender = sender
        self.senderState = senderState
        self.state = state
        self.version = version
        self.contents = contents
        self.deliveries = deliveries
        self.steps = steps
        self.sentAt = sentAt
        self.finishedAt = finishedAt
        self.noticeLanguage = noticeLanguage
    }
}
