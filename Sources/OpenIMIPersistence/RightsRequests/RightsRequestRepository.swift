import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// The authorities' registers of rights requests. The person, how they were identified and the
/// outcome are sealed with the register key; kind, dates and status stay readable for deadlines.
public struct RightsRequestRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The register key.
    public let key: DataKey

    /// Creates a repository over `sql` sealing with `key`.
    public init(sql: any SQLDatabase, key: DataKey) {
        self.sql = sql
        self.key = key
    }

    /// Stores a new entry.
    public func insert(_ entry: RightsRequest, now: Date) async throws {
        let id = entry.id.uuidString.lowercased()
        try await sql.insert(into: "rights_request")
            .columns(
                "id", "authority_id", "member_state", "kind", "subject", "identification", "language", "received_on", "due_on", "status",
                "recorded_by", "recorded_at", "version"
            )
            .values(
                SQLBind(id), SQLBind(entry.authorityID.uuidString.lowercased()), SQLBind(entry.memberState.rawValue),
                SQLBind(entry.kind.rawValue), SQLBind(try seal(entry.subject, id: id)),
                SQLBind(try key.seal(entry.identification, context: "rights_request/\(id)/identification")),
                SQLBind(entry.language.rawValue), SQLBind(entry.receivedOn), SQLBind(entry.dueOn), SQLBind(entry.status.rawValue),
                SQLBind(entry.recordedBy.uuidString.lowercased()), SQLBind(now.epochSeconds), SQLBind(entry.version)
            ).run()
    }

    /// Stores the answer of an entry; false when someone changed it first.
    public func update(_ entry: RightsRequest, expectedVersion: Int) async throws -> Bool {
        let id = entry.id.uuidString.lowercased()
        return
            !(try await sql.update("rights_request").set("status", to: entry.status.rawValue)
            .set("outcome", to: try entry.outcome.map { try key.seal($0, context: "rights_request/\(id)/outcome") })
            .set("handled_at", to: entry.handledAt?.epochSeconds).set("version", to: entry.version)
            .where("id", .equal, id).where("version", .equal, expectedVersion).returning("id").all()).isEmpty
    }

    /// The entries of `authority`'s register, newest first.
    public func entries(of authority: UUID) async throws -> [RightsRequest] {
        try await sql.select().column("*").from("rights_request").where("authority_id", .equal, authority.uuidString.lowercased())
            .orderBy("received_on", .descending).orderBy("id").all().map(entry)
    }

    /// One entry of `authority`'s register.
    public func find(_ id: UUID, of authority: UUID) async throws -> RightsRequest? {
        try await sql.select().column("*").from("rights_request").where("id", .equal, id.uuidString.lowercased())
            .where("authority_id", .equal, authority.uuidString.lowercased()).first().map(entry)
    }

    /// The unanswered entries of `state`'s authorities due before `today`: kind and dates only.
    public func overdue(in state: MemberStateCode, today: String) async throws -> [OverdueRightsRequest] {
        try await sql.select().columns("id", "authority_id", "kind", "received_on", "due_on").from("rights_request")
            .where("member_state", .equal, state.rawValue).where("status", .equal, RightsRequestStatus.received.rawValue)
            .where("due_on", .lessThan, today).orderBy("due_on").orderBy("id").all().map { row in
                OverdueRightsRequest(
                    id: try row.decode(column: "id", as: String.self), authorityID: try row.decode(column: "authority_id", as: String.self),
                    kind: try row.decode(column: "kind", as: String.self),
                    receivedOn: try row.decode(column: "received_on", as: String.self),
                    dueOn: try row.decode(column: "due_on", as: String.self))
            }
    }

    private func seal(_ subject: DataSubject, id: String) throws -> String {
        try key.seal(String(decoding: try JSONEncoder().encode(subject), as: UTF8.self), context: "rights_request/\(id)/subject")
    }

    private func entry(_ row: any SQLRow) throws -> RightsRequest {
        let id = try row.decode(column: "id", as: String.self)
        guard let uuid = UUID(uuidString: id), let authority = UUID(uuidString: try row.decode(column: "authority_id", as: String.self)),
            let state = MemberStateCode(rawValue: try row.decode(column: "member_state", as: String.self)),
            let kind = RightsRequestKind(rawValue: try row.decode(column: "kind", as: String.self)),
            let language = Language(rawValue: try row.decode(column: "language", as: String.self)),
            let status = RightsRequestStatus(rawValue: try row.decode(column: "status", as: String.self)),
            let recordedBy = UUID(uuidString: try row.decode(column: "recorded_by", as: String.self))
        else { throw PersistenceError.corruptRow(table: "rights_request", key: id) }
        let subject = try JSONDecoder().decode(
            DataSubject.self,
            from: Data(try key.open(try row.decode(column: "subject", as: String.self), context: "rights_request/\(id)/subject").utf8))
        return RightsRequest(
            id: uuid, authorityID: authority, memberState: state, kind: kind, subject: subject,
            identification: try key.open(
                try row.decode(column: "identification", as: String.self), context: "rights_request/\(id)/identification"),
            language: language, receivedOn: try row.decode(column: "received_on", as: String.self), status: status,
            outcome: try row.decode(column: "outcome", as: String?.self).map { try key.open($0, context: "rights_request/\(id)/outcome") },
            handledAt: try row.decode(column: "handled_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            recordedBy: recordedBy, version: try row.decode(column: "version", as: Int.self))
    }
}

/// An overdue rights request as its national coordinator sees it: no personal data.
public struct OverdueRightsRequest: Sendable, Hashable, Codable {
    /// The entry.
    public let id: String
    /// The authority whose register it is in.
    public let authorityID: String
    /// The right exercised.
    public let kind: String
    /// When it was received.
    public let receivedOn: String
    /// When it was due.
    public let dueOn: String
}
