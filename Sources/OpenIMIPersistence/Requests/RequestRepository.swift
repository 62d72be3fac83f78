import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Stores information requests and their steps. Personal data and step comments are sealed with
/// the request's own data key (AES-256-GCM), itself wrapped by the master key.
public struct RequestRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys wrapping the requests' data keys.
    public let keys: DataKeyRing

    /// Creates a repository over `sql`, sealing with data keys wrapped by `keys`.
    public init(sql: any SQLDatabase, keys: DataKeyRing) {
        self.sql = sql
        self.keys = keys
    }

    var dataKeys: DataKeyRepository { DataKeyRepository(sql: sql, ring: keys) }

    /// Inserts a new request with its steps and a new data key. Run inside a transaction.
    public func insert(_ request: InformationRequest, now: Date) async throws {
        let id = request.id.description
        let new = try dataKeys.newKey()
        try await sql.insert(into: "information_request")
            .model(
                try RequestRecord(request, createdAt: request.steps.first?.at ?? now, now: now, key: new.key),
                keyEncodingStrategy: .convertToSnakeCase
            )
            .run()
        try await dataKeys.store([(id, new)], now: now)
        let subjects = SubjectIndexRepository(sql: sql, ring: keys)
        try await subjects.add([request], index: try await subjects.index())
        try await insertSteps(of: request, from: 0, key: new.key)
    }

    /// Saves `request` if it is still at `expectedVersion`, when it had `storedSteps` steps; false
    /// when someone else changed it first. Run inside a transaction.
    public func update(_ request: InformationRequest, expectedVersion: Int, storedSteps: Int, now: Date) async throws -> Bool {
        let key = request.id.description
        // The first step is the drafting, so its time is the creation time the row was inserted with.
        let dataKey = try await dataKeys.key(for: key)
        let record = try RequestRecord(request, createdAt: request.steps.first?.at ?? now, now: now, key: dataKey)
        // Only what a step can change: setting the key or an unchanged indexed column would make
        // SQLite check every referencing table and rewrite every index entry of the row.
        let updated = try await sql.update("information_request")
            .set("responder_id", to: record.responderId).set("earlier_responders", to: record.earlierResponders)
            .set("referred_to", to: record.referredTo).set("state", to: record.state).set("version", to: record.version)
            .set("deadline", to: record.deadline).set("proposed_deadline", to: record.proposedDeadline)
            .set("formal_closure_at", to: record.formalClosureAt).set("questions", to: record.questions)
            .set("personal_data", to: record.personalData).set("allocated_to", to: record.allocatedTo)
            .set("sent_at", to: record.sentAt).set("updated_at", to: record.updatedAt)
            .where("id", .equal, key).where("version", .equal, expectedVersion).returning("id").all()
        guard !updated.isEmpty else { return false }
        try await insertSteps(of: request, from: storedSteps, key: dataKey)
        return true
    }

    /// The request `id` with its steps.
    public func find(_ id: UUID) async throws -> InformationRequest? {
        try await find(id, admitting: { _ in })
    }

    /// The request `id` with its steps, once `admit` accepted its parties, area, state and
    /// retention phase (it throws to refuse). One statement reads the row with its data key; the
    /// steps are read and the personal data opened only for a request admitted.
    public func find(_ id: UUID, admitting admit: (RequestAccess) throws -> Void) async throws -> InformationRequest? {
        let key = id.uuidString.lowercased()
        let owner = dataKeys.owner
        // Written as text rather than built: serialising SQLKit's builders took a fifteenth of a
        // logged read's processor.
        guard
            let row = try await sql.raw(
                """
                SELECT r.*, \(unsafeRaw: DataKeyRepository.keyColumns.map { "k.\($0)" }.joined(separator: ", "))
                FROM information_request r
                LEFT JOIN \(ident: owner.table) k ON k.\(ident: owner.column) = r.id WHERE r.id = \(bind: key)
                """
            ).first()
        else { return nil }
        try admit(try Self.access(in: row, key: key))
        let record = try RequestRecord(row: row)
        let dataKey = try dataKeys.key(in: row)
        let rows = try await sql.raw("SELECT * FROM request_step WHERE request_id = \(bind: key) ORDER BY position").all()
        let steps = try rows.map { row in
            RequestStep(
                action: try row.decodeIfPresent(column: "action", as: RequestAction.self, table: "request_step"),
                from: try row.decodeIfPresent(column: "from_state", as: RequestState.self, table: "request_step"),
                to: try row.decode(column: "to_state", as: RequestState.self, table: "request_step"),
                actor: StepActor(
                    userID: UserID(try row.decodeUUID(column: "user_id", table: "request_step")),
                    organisationID: try row.decodeUUID(column: "organisation_id", table: "request_step")),
                at: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "at", as: Int64.self))),
                comment: try row.decodeNil(column: "comment")
                    ? nil
                    : try dataKey.open(
                        try row.decode(column: "comment", as: String.self),
                        context: RequestRecord.commentContext(key, position: try row.decode(column: "position", as: Int.self))),
                commentLanguage: try row.decode(column: "comment_language", as: String?.self).flatMap(Language.init(rawValue:)),
                allocatedTo: try UserID.stored(
                    ifPresent: try row.decode(column: "allocated_to", as: String?.self), table: "request_step", key: key))
        }
        return try record.request(steps: steps, key: dataKey)
    }

    private func insertSteps(of request: InformationRequest, from start: Int, key dataKey: DataKey) async throws {
        guard start < request.steps.count else { return }
        let key = request.id.description
        let insert = sql.insert(into: "request_step")
            .columns(
                "request_id", "position", "action", "from_state", "to_state", "user_id", "organisation_id", "at", "comment", "allocated_to",
                "comment_language")
        for (position, step) in request.steps.enumerated().dropFirst(start) {
            let comment = try step.comment.map { try dataKey.seal($0, context: RequestRecord.commentContext(key, position: position)) }
            insert.values(
                SQLBind(key), SQLBind(position), SQLBind(step.action?.rawValue), SQLBind(step.from?.rawValue), SQLBind(step.to.rawValue),
                SQLBind(step.actor.userID.description), SQLBind(step.actor.organisationID.uuidString.lowercased()),
                SQLBind(step.at.epochSeconds), SQLBind(comment), SQLBind(step.allocatedTo?.description),
                SQLBind(step.commentLanguage?.rawValue))
        }
        try await insert.run()
    }
}

/// What deciding access to a request needs, read without opening its personal data.
public struct RequestAccess: Sendable {
    /// Who takes part.
    public let involvement: Involvement
    /// Its legal area.
    public let legalArea: String
    /// Its workflow state.
    public let state: RequestState
    /// Where its personal data stand.
    public let retentionPhase: RetentionPhase
}

extension RequestRepository {
    /// Whether no request is stored at all.
    public func isEmpty() async throws -> Bool {
        try await sql.select().column("id").from("information_request").limit(1).first() == nil
    }

    /// The parties of the request in `row` (columns requester_id, responder_id, earlier_responders, referred_to).
    public static func involvement(_ row: any SQLRow) throws -> Involvement {
        guard let requester = UUID(uuidString: try row.decode(column: "requester_id", as: String.self)),
            let responder = UUID(uuidString: try row.decode(column: "responder_id", as: String.self))
        else { throw PersistenceError.corruptRow(table: "information_request", key: "involvement") }
        let earlier = try JSONText.decode([String].self, from: try row.decode(column: "earlier_responders", as: String.self))
        return Involvement(
            requester: AuthorityID(requester), responder: AuthorityID(responder),
            earlierResponders: try earlier.map { try AuthorityID.stored($0, table: "information_request", key: "earlier_responders") },
            referredTo: try CoordinatorID.stored(
                ifPresent: try row.decode(column: "referred_to", as: String?.self), table: "information_request", key: "referred_to"))
    }

    /// The parties, area, state and retention phase of request `id`.
    public func access(of id: UUID) async throws -> RequestAccess? {
        let key = id.uuidString.lowercased()
        guard
            let row = try await sql.select()
                .columns("requester_id", "responder_id", "earlier_responders", "referred_to", "legal_area", "state", "retention_phase")
                .from("information_request").where("id", .equal, key).first()
        else { return nil }
        return try Self.access(in: row, key: key)
    }

    // The access facts in a row holding at least the columns `access(of:)` reads.
    private static func access(in row: some SQLRow, key: String) throws -> RequestAccess {
        guard let state = RequestState(rawValue: try row.decode(column: "state", as: String.self)),
            let phase = RetentionPhase(rawValue: try row.decode(column: "retention_phase", as: String.self))
        else { throw PersistenceError.corruptRow(table: "information_request", key: key) }
        return RequestAccess(
            involvement: try Self.involvement(row),
            legalArea: try row.decode(column: "legal_area", as: String.self), state: state, retentionPhase: phase)
    }
}
