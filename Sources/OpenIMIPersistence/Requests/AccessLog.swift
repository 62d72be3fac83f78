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

    /// One processing of personal data to record: who (`user` of `organisation`) did `operation`
    /// on `fields` of request `request`, for `purpose`, at `at`; `digest` is the SHA-256 of the
    /// content read or written.
    public struct Processing: Sendable {
        /// The user who processed the data.
        let user: UUID
        /// The organisation the user acted for.
        let organisation: UUID
        /// The request whose data were processed.
        let request: UUID
        /// Read, write, …
        let operation: AccessOperation
        /// The step, page or API resource, or rule, it was done for.
        let purpose: AccessPurpose
        /// The names of the fields processed, never their values.
        let fields: [String]
        /// The SHA-256 of the content read or written, when there is one.
        let digest: String?
        /// When.
        let at: Date

        /// Describes one processing.
        public init(
            user: UUID, organisation: UUID, request: UUID, operation: AccessOperation, purpose: AccessPurpose, fields: [String],
            digest: String? = nil, at: Date
        ) {
            self.user = user
            self.organisation = organisation
            self.request = request
            self.operation = operation
            self.purpose = purpose
            self.fields = fields
            self.digest = digest
            self.at = at
        }
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
        try await record([
            Processing(
                user: userID, organisation: organisationID, request: requestID, operation: operation, purpose: purpose, fields: fields,
                digest: digest, at: now)
        ])
    }

    /// Records every one of `processings` and queues their entries for the chain in their order,
    /// in multi-row statements of 64, 16, 4 or 1 rows, so few statement texts. Run inside a transaction.
    public func record(_ processings: [Processing]) async throws {
        let ids = processings.map { _ in UUID().uuidString.lowercased() }
        for chunk in Array(zip(ids, processings)).insertChunks() {
            var entries = sql.insert(into: "access_log")
                .columns("id", "at", "user_id", "organisation_id", "request_id", "operation", "purpose", "fields", "content_digest")
            for (id, processing) in chunk {
                entries = entries.values(
                    SQLBind(id), SQLBind(processing.at.epochSeconds), SQLBind(processing.user.uuidString.lowercased()),
                    SQLBind(processing.organisation.uuidString.lowercased()), SQLBind(processing.request.uuidString.lowercased()),
                    SQLBind(processing.operation.rawValue), SQLBind(processing.purpose.rawValue),
                    SQLBind(JSONText.encode(processing.fields)), SQLBind(processing.digest))
            }
            try await entries.run()
        }
        try await LogChain(sql: sql).enqueue(ids: ids)
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
