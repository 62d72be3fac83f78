import Foundation

/// What an inbox shows of a request: no personal data.
public struct RequestSummary: Sendable, Codable, Hashable {
    /// The request's id.
    public var id: String
    /// The request's number (`DK-2026-000123`).
    public var number: String
    /// The procedure's code.
    public var procedure: String
    /// The legal area's code.
    public var legalArea: String
    /// The requesting authority.
    public var requesterId: String
    /// The current responding authority.
    public var responderId: String
    /// The state's raw value.
    public var state: String
    /// When an answer is needed (seconds since 1970).
    public var deadline: Int64
    /// A later deadline the responder proposed, awaiting the requester's decision.
    public var proposedDeadline: Int64?
    /// The handler of the responder it is allocated to.
    public var allocatedTo: String?
    /// The version a step must name.
    public var version: Int
    /// When it last changed (seconds since 1970).
    public var updatedAt: Int64
    /// When it was sent (seconds since 1970); nil for a draft.
    public var sentAt: Int64?

    // Column names spelt out: decoding with a key strategy converts every key of every row.
    enum CodingKeys: String, CodingKey {
        case id
        case number
        case procedure
        case legalArea = "legal_area"
        case requesterId = "requester_id"
        case responderId = "responder_id"
        case state
        case deadline
        case proposedDeadline = "proposed_deadline"
        case allocatedTo = "allocated_to"
        case version
        case updatedAt = "updated_at"
        case sentAt = "sent_at"
    }
}
