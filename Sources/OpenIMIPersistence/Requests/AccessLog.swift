import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// The append-only record of which personal data were processed, when, by whom and for what purpose
/// (IMI Regulation, Art. 17). Entries carry field names, never the data.
public struct AccessLog: Sendable {
    /// The database or transaction to write in.
    public let sql: any SQLDatabase

    /// Creates the log over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records that `userID` of `organisationID` did `operation` on `fields` of request `requestID`
    /// for `purpose` (the step, page or API resource, or rule), and queues the entry for the chain
    /// (see ``LogChain``). `digest` is the SHA-256 of the content read or written. Run inside a
    /// transaction.
    public func record(
        userID: UUID, organisationID: UUID, requestID: UUID, operation: AccessOperation, purpose: AccessPurpose, fields: [String],
        digest: String? = nil,
        at now: Date
    ) async throws {
        let entry = LogEntry(
            sequence: 0, id: UUID().uuidString.lowercased(), at: now.epochSeconds, user: userID.uuidString.lowercased(),
            organisation: organisationID.uuidString.lowercased(), request: requestID.uuidString.lowercased(), operation: operation.rawValue,
            purpose: purpose.rawValue, fields: fields, digest: digest, previous: LogEntry.origin)
        try await sql.insert(into: "access_log")
            .columns("id", "at", "user_id", "organisation_id", "request_id", "operation", "purpose", "fields", "content_digest")
            .values(
                SQLBind(entry.id), SQLBind(entry.at), SQLBind(entry.user), SQLBind(entry.organisation), SQLBind(entry.request),
                SQLBind(entry.operation), SQLBind(entry.purpose), SQLBind(JSONText.encode(fields)), SQLBind(digest)
            )
            .run()
        try await LogChain(sql: sql).enqueue(entry)
    }

    /// The entries of one request, oldest first, as (user, operation, purpose, fields).
    public func entries(of requestID: UUID) async throws -> [(user: String, operation: String, purpose: String, fields: [String])] {
        // Entries of one moment keep the order the chain gave them; those still queued come after
        // the chained ones, in the order they were queued.
        try await sql.raw(
            """
            SELECT l.user_id, l.operation, l.purpose, l.fields FROM access_log l LEFT JOIN log_chain c ON c.entry_id = l.id
            LEFT JOIN log_pending p ON p.entry_id = l.id
            WHERE l.request_id = \(bind: requestID.uuidString.lowercased())
            ORDER BY l.at, CASE WHEN c.seq IS NULL THEN 1 ELSE 0 END, c.seq, p.queued
            """
        ).all().map {
            (
                try $0.decode(column: "user_id", as: String.self), try $0.decode(column: "operation", as: String.self),
                try $0.decode(column: "purpose", as: String.self),
                try JSONText.decode([String].self, from: try $0.decode(column: "fields", as: String.self))
            )
        }
    }
}
