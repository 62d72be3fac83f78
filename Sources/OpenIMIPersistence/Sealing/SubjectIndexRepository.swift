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
}
