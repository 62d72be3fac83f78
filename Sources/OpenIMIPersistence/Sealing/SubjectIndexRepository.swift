import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// The blind index of requests by person or business: keyed hashes of `SubjectKey`s, under an
/// index key that is itself wrapped by the master key (created on first use).
public struct SubjectIndexRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys.
    public let ring: DataKeyRing

    static let keyName = "subject-index"

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase, ring: DataKeyRing) {
        self.sql = sql
        self.ring = ring
    }

    /// The index of `database`, its key read through the readers (created in a transaction of its
    /// own on first use).
    public static func index(in database: any Database, ring: DataKeyRing) async throws -> BlindIndex {
        BlindIndex(key: try await PlatformKeyRepository.key(named: keyName, in: database, ring: ring))
    }

    /// The index, creating its key on first use (a concurrent creation keeps the first key); `sql`
    /// must be a transaction when the key may not exist yet.
    public func index() async throws -> BlindIndex {
        BlindIndex(key: try await PlatformKeyRepository(sql: sql, ring: ring).key(named: Self.keyName))
    }

    /// Indexes each of `requests` under the tokens of its subject's keys.
    public func add(_ requests: [InformationRequest], index: BlindIndex) async throws {
        let rows = requests.flatMap { request in
            Set(SubjectKey.keys(of: request.subject).map(index.token)).map { (token: $0, request: request.id.description) }
        }
        for chunk in stride(from: 0, to: rows.count, by: 500).map({ rows[$0..<min($0 + 500, rows.count)] }) {
            let insert = sql.insert(into: "subject_index").columns("token", "request_id")
            for row in chunk { insert.values(SQLBind(row.token), SQLBind(row.request)) }
            try await insert.ignoringConflicts(with: ["token", "request_id"]).run()
        }
    }

    /// Removes request `id` from the index (its personal data are deleted).
    public func remove(_ id: String) async throws {
        try await sql.delete(from: "subject_index").where("request_id", .equal, id).run()
    }

    /// The requests indexed under any of `tokens`, newest first.
    public func requests(matching tokens: [String]) async throws -> [IndexedRequest] {
        guard !tokens.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT DISTINCT r.id, r.number, r.procedure, r.legal_area, r.state, r.retention_phase, r.created_at, r.requester_id, r.responder_id,
            r.earlier_responders, r.referred_to FROM subject_index s JOIN information_request r ON r.id = s.request_id
            WHERE s.token IN (\(binds: tokens)) ORDER BY r.created_at DESC, r.id
            """
        ).all().map { row in
            IndexedRequest(
                id: try row.decodeUUID(column: "id", table: "information_request"),
                number: try row.decode(column: "number", as: String.self),
                procedure: try row.decode(column: "procedure", as: String.self),
                legalArea: try row.decode(column: "legal_area", as: String.self),
                state: try row.decode(column: "state", as: RequestState.self, table: "information_request"),
                retentionPhase: try row.decode(column: "retention_phase", as: RetentionPhase.self, table: "information_request"),
                createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "created_at", as: Int64.self))),
                involvement: try RequestRepository.involvement(row))
        }
    }

    /// Whether request `id` is indexed under any of `tokens`.
    public func isIndexed(_ id: UUID, underAnyOf tokens: [String]) async throws -> Bool {
        guard !tokens.isEmpty else { return false }
        return try await sql.select().column("token").from("subject_index")
            .where("request_id", .equal, id.uuidString.lowercased()).where("token", .in, tokens).first() != nil
    }
}
