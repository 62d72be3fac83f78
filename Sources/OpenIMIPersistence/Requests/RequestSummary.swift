import Foundation
import SQLKit

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

extension RequestSummary {
    /// The summary in `row` (of ``RequestRepository/summaryColumns``), read column by column: an
    /// inbox page decodes up to 200 of them, and `Decodable`'s keyed containers cost more than the query.
    init(row: some SQLRow) throws {
        id = try row.decode(column: CodingKeys.id.stringValue, as: String.self)
        number = try row.decode(column: CodingKeys.number.stringValue, as: String.self)
        procedure = try row.decode(column: CodingKeys.procedure.stringValue, as: String.self)
        legalArea = try row.decode(column: CodingKeys.legalArea.stringValue, as: String.self)
        requesterId = try row.decode(column: CodingKeys.requesterId.stringValue, as: String.self)
        responderId = try row.decode(column: CodingKeys.responderId.stringValue, as: String.self)
        state = try row.decode(column: CodingKeys.state.stringValue, as: String.self)
        deadline = try row.decode(column: CodingKeys.deadline.stringValue, as: Int64.self)
        proposedDeadline = try row.decode(column: CodingKeys.proposedDeadline.stringValue, as: Int64?.self)
        allocatedTo = try row.decode(column: CodingKeys.allocatedTo.stringValue, as: String?.self)
        version = try row.decode(column: CodingKeys.version.stringValue, as: Int.self)
        updatedAt = try row.decode(column: CodingKeys.updatedAt.stringValue, as: Int64.self)
        sentAt = try row.decode(column: CodingKeys.sentAt.stringValue, as: Int64?.self)
    }
}
