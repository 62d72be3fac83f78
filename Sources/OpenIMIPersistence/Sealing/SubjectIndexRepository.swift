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

    /// The index, creating its key on first use (a concurrent creation keeps the first key).
    public func index() async throws -> BlindIndex {
        if let index = try await stored() { return index }
        let (_, masterKeyID, wrapped) = try ring.newDataKey(random: SystemSecureRandom())
        try await sql.insert(into: "platform_key").columns("name", "master_key_id", "wrapped_key", "created_at")
            .values(SQLBind(Self.keyName), SQLBind(masterKeyID), SQLBind(wrapped), SQLBind(Date().epochSeconds))
            .ignoringConflicts(with: ["name"]).run()
        guard let index = try await stored() else { throw SealingError.noDataKey }
        return index
    }

    private func stored() async throws -> BlindIndex? {
        guard
            let row = try await sql.select().columns("master_key_id", "wrapped_key").from("platform_key")
                .where("name", .equal, Self.keyName).first()
        else { return nil }
        return BlindIndex(
            key: try ring.unwrap(
                try row.decode(column: "wrapped_key", as: String.self),
                masterKeyID: try row.decode(column: "master_key_id", as: String.self)))
    }

    /// Indexes each of `requests` under the tokens of its subject's keys.
    public func add(_ requests: [InformationRequest], index: BlindIndex) async throws {
        let rows = requests.flatMap { request in
            Set(SubjectKey.keys(of: request.subject).map(index.token)).map { (token: $0, request: request.id.uuidString.lowercased()) }
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

    /// Re-wraps the index key with the current master key.
    func rewrap() async throws {
        let rows = try await sql.select().columns("name", "master_key_id", "wrapped_key").from("platform_key")
            .where("master_key_id", .notEqual, ring.current.id).all()
        for row in rows {
            let (masterKeyID, wrapped) = try ring.rewrap(
                try row.decode(column: "wrapped_key", as: String.self),
                masterKeyID: try row.decode(column: "master_key_id", as: String.self))
            try await sql.update("platform_key").set("master_key_id", to: masterKeyID).set("wrapped_key", to: wrapped)
                .where("name", .equal, try row.decode(column: "name", as: String.self)).run()
        }
    }
}
