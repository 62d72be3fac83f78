import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Stores repository records — every version of their values sealed under the record's own data
/// key — with their blind-index tokens, and the authorities designated to maintain each repository.
public struct RepositoryRecordRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys wrapping each record's data key.
    public let keys: DataKeyRing

    /// Works through `sql` with `keys`.
    public init(sql: any SQLDatabase, keys: DataKeyRing) {
        self.sql = sql
        self.keys = keys
    }

    static let table = "repository_record"
    var dataKeys: DataKeyRepository { DataKeyRepository(sql: sql, ring: keys, owner: .repositoryRecord) }

    static func context(_ id: String) -> String { "repository_record/\(id)/content" }

    /// Stores a new record with its search `tokens`. Run inside a transaction.
    public func insert(_ record: RepositoryRecord, tokens: [String], now: Date) async throws {
        let id = record.id.description
        let new = try dataKeys.newKey()
        try await sql.insert(into: Self.table)
            .columns("id", "repository", "keeper_id", "version", "content", "created_at", "updated_at")
            .values(
                SQLBind(id), SQLBind(record.repository), SQLBind(record.keeper.uuidString.lowercased()), SQLBind(record.version),
                SQLBind(try new.key.seal(JSONText.encode(record.versions), context: Self.context(id))), SQLBind(now.epochSeconds),
                SQLBind(now.epochSeconds)
            ).run()
        try await dataKeys.store([(id, new)], now: now)
        try await index(id, tokens: tokens)
    }

    /// Saves `record` if it is still at `expectedVersion`, with its new search `tokens`; false when
    /// someone else changed it first. Run inside a transaction.
    public func update(_ record: RepositoryRecord, expectedVersion: Int, tokens: [String], now: Date) async throws -> Bool {
        let id = record.id.description
        let key = try await dataKeys.key(for: id)
        let updated = try await sql.update(Self.table)
            .set("version", to: record.version).set("updated_at", to: now.epochSeconds)
            .set("content", to: try key.seal(JSONText.encode(record.versions), context: Self.context(id)))
            .where("id", .equal, id).where("version", .equal, expectedVersion).returning("id").all()
        guard !updated.isEmpty else { return false }
        try await sql.delete(from: "repository_search").where("record_id", .equal, id).run()
        try await index(id, tokens: tokens)
        return true
    }

    private func index(_ id: String, tokens: [String]) async throws {
        guard !tokens.isEmpty else { return }
        let insert = sql.insert(into: "repository_search").columns("token", "record_id")
        for token in Set(tokens).sorted() { insert.values(SQLBind(token), SQLBind(id)) }
        try await insert.run()
    }

    /// Record `id` of `repository` with every version of its values, or nil.
    public func find(_ id: RepositoryRecordID, in repository: String) async throws -> RepositoryRecord? {
        let key = id.description
        guard
            let row = try await sql.select().column("*").from(Self.table).where("id", .equal, key)
                .where("repository", .equal, repository).first()
        else { return nil }
        let versions = try JSONText.decode(
            [RepositoryRecordVersion].self,
            from: try await dataKeys.key(for: key).open(try row.decode(column: "content", as: String.self), context: Self.context(key)))
        guard !versions.isEmpty else { throw PersistenceError.corruptRow(table: Self.table, key: key) }
        return RepositoryRecord(
            stored: id, repository: repository, keeper: try row.decodeUUID(column: "keeper_id", table: Self.table),
            version: try row.decode(column: "version", as: Int.self), versions: versions)
    }

    /// The records of `repository` indexed under `token`, newest first, at most `limit`.
    public func matching(_ repository: String, token: String, limit: Int = 100) async throws -> [RepositoryRecordID] {
        try await sql.raw(
            """
            SELECT r.id FROM repository_search s JOIN repository_record r ON r.id = s.record_id
            WHERE s.token = \(bind: token) AND r.repository = \(bind: repository) ORDER BY r.updated_at DESC, r.id LIMIT \(bind: limit)
            """
        ).all().map { RepositoryRecordID(try $0.decodeUUID(column: "id", table: Self.table)) }
    }

    /// The newest `limit` records `keeper` keeps in `repository`.
    public func kept(by keeper: UUID, in repository: String, limit: Int = 50) async throws -> [RepositoryRecordID] {
        try await sql.select().column("id").from(Self.table).where("repository", .equal, repository)
            .where("keeper_id", .equal, keeper.uuidString.lowercased()).orderBy("updated_at", .descending).limit(limit).all()
            .map { RepositoryRecordID(try $0.decodeUUID(column: "id", table: Self.table)) }
    }

    /// The authorities designated to maintain `repository`.
    public func maintainers(of repository: String) async throws -> Set<UUID> {
        Set(
            try await sql.select().column("authority_id").from("repository_maintainer").where("repository", .equal, repository).all()
                .map { try $0.decodeUUID(column: "authority_id", table: "repository_maintainer") })
    }

    /// Designates `authority` to maintain `repository`; nothing when it already is.
    public func designate(_ authority: UUID, for repository: String, by user: UUID, at now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO repository_maintainer (repository, authority_id, designated_by, designated_at)
            VALUES (\(bind: repository), \(bind: authority.uuidString.lowercased()), \(bind: user.uuidString.lowercased()), \(bind: now.epochSeconds))
            ON CONFLICT (repository, authority_id) DO NOTHING
            """
        ).run()
    }
}
