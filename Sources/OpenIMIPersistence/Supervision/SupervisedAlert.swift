/// What a supervisory export states of one alert: no personal data, only its kind, the part the
/// authority played, the member states it reached, its state and dates.
public struct SupervisedAlert: Sendable {
    /// The alert's id, as stored.
    public let id: String
    /// Its number (`A-DK-2026-000017`).
    public let number: String
    /// Its procedure code.
    public let procedure: String
    /// Its legal area code.
    public let legalArea: String
    /// Its workflow state, as stored.
    public let state: String
    /// Whether the authority sent it (else it was routed to it).
    public let sent: Bool
    /// The sending authority's id, as stored.
    public let sender: String
    /// The sender's member state.
    public let senderState: String
    /// The member states it was delivered to; for a recipient, its own state only.
    public let recipientStates: [String]
    /// Its retention phase, as stored.
    public let retentionPhase: String
    /// When it was created, in seconds since 1970.
    public let createdAt: Int64
    /// When it was sent, if it was.
    public let sentAt: Int64?
    /// When it was closed or withdrawn, if it was.
    public let finishedAt: Int64?
}
