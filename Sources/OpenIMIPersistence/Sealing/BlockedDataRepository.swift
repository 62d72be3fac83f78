import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// What happens to blocked personal data: each opening by a data administrator and each contest of
/// a field, their texts sealed with the request's data key so they go with its data.
public struct BlockedDataRepository: Sendable {
    /// The transaction to write in.
    public let sql: any SQLDatabase
    /// The master keys, which wrap the requests' data keys.
    public let ring: DataKeyRing

    /// Works through `sql`, a transaction.
    public init(sql: any SQLDatabase, ring: DataKeyRing) {
        self.sql = sql
        self.ring = ring
    }

    /// Records that `user` of `organisation` opened the blocked data of `requestID` for `opening`.
    public func recordOpening(
        _ opening: BlockedDataOpening, of requestID: UUID, by user: UUID, organisation: UUID, at now: Date
    ) async throws {
        let key = requestID.uuidString.lowercased()
        let dataKey = try await DataKeyRepository(sql: sql, ring: ring).key(for: key)
        let openingID = UUID().uuidString.lowercased()
        try await sql.insert(into: "blocked_data_opening")
            .columns("id", "request_id", "user_id", "organisation_id", "purpose", "rights_request_reference", "justification", "opened_at")
            .values(
                SQLBind(openingID), SQLBind(key), SQLBind(user.uuidString.lowercased()), SQLBind(organisation.uuidString.lowercased()),
                SQLBind(opening.purpose.rawValue), SQLBind(opening.rightsRequestReference),
                SQLBind(try dataKey.seal(opening.justification, context: "blocked_data_opening/\(openingID)/justification")),
                SQLBind(now.epochSeconds)
            ).run()
    }

    /// Records that the person of rights request `rightsRequestID` contests `field` of blocked
    /// request `requestID`, with the corrected value.
    public func recordContest(
        of field: CorrectableField, correctedValue: String, request requestID: UUID, rightsRequest rightsRequestID: UUID, by user: UUID,
        at now: Date
    ) async throws {
        let contestID = UUID().uuidString.lowercased()
        let dataKey = try await DataKeyRepository(sql: sql, ring: ring).key(for: requestID.uuidString.lowercased())
        try await sql.insert(into: "blocked_data_contest")
            .columns("id", "rights_request_id", "request_id", "field", "corrected_value", "recorded_by", "recorded_at")
            .values(
                SQLBind(contestID), SQLBind(rightsRequestID.uuidString.lowercased()), SQLBind(requestID.uuidString.lowercased()),
                SQLBind(field.rawValue),
                SQLBind(try dataKey.seal(correctedValue, context: "blocked_data_contest/\(contestID)/corrected_value")),
                SQLBind(user.uuidString.lowercased()), SQLBind(now.epochSeconds)
            ).run()
    }
}
