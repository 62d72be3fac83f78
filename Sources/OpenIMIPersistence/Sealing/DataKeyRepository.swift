import Foundation
import OpenIMISecurity
import SQLKit

/// What a data key seals the personal data of: each kind keeps its keys in its own table, so
/// that destroying a key (crypto-shredding) is one row of it.
public enum DataKeyOwner: Sendable, CaseIterable {
    /// An information request (`request_data_key`).
    case request
    /// An alert (`alert_data_key`).
    case alert
    /// A record of a repository (`repository_record_data_key`).
    case repositoryRecord

    var table: String {
        switch self {
        case .request: "request_data_key"
        case .alert: "alert_data_key"
        case .repositoryRecord: "repository_record_data_key"
        }
    }
    var column: String {
        switch self {
        case .request: "request_id"
        case .alert: "alert_id"
        case .repositoryRecord: "record_id"
        }
    }
}

/// The data keys of requests, alerts or repository records, wrapped by the master key.
public struct DataKeyRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys.
    public let ring: DataKeyRing
    /// Whose keys these are.
    public let owner: DataKeyOwner

    /// Creates a repository over `sql` with `ring`, for the keys of `owner`.
    public init(sql: any SQLDatabase, ring: DataKeyRing, owner: DataKeyOwner = .request) {
        self.sql = sql
        self.ring = ring
        self.owner = owner
    }

    /// A new data key, with what `store` keeps of it.
    public func newKey() throws -> NewDataKey {
        let (key, masterKeyID, wrapped) = try ring.newDataKey(random: SystemSecureRandom())
        return NewDataKey(key: key, masterKeyID: masterKeyID, wrapped: wrapped)
    }

    /// Stores the wrapped keys of new requests (after their rows). Run in the transaction that inserts them.
    public func store(_ keys: [(requestID: String, key: NewDataKey)], now: Date) async throws {
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ keys[$0..<min($0 + 500, keys.count)] }) {
            let insert = sql.insert(into: owner.table).columns(owner.column, "master_key_id", "wrapped_key", "created_at")
            for (requestID, key) in chunk {
                insert.values(SQLBind(requestID), SQLBind(key.masterKeyID), SQLBind(key.wrapped), SQLBind(now.epochSeconds))
            }
            try await insert.run()
        }
    }

    /// The columns of a stored key, for a statement that reads it (alone or joined to its owner's row).
    static let keyColumns = ["master_key_id", "wrapped_key"]

    /// The data key of `requestID`; `noDataKey` when it was destroyed or never made.
    public func key(for requestID: String) async throws -> DataKey {
        guard
            let row = try await sql.select().columns(Self.keyColumns).from(owner.table)
                .where(SQLColumn(owner.column), .equal, SQLBind(requestID)).first()
        else { throw SealingError.noDataKey }
        return try key(in: row)
    }

    /// The data key in `row`'s ``keyColumns`` (NULL where a join found none); `noDataKey` when absent.
    func key(in row: some SQLRow) throws -> DataKey {
        guard let masterKeyID = try row.decode(column: "master_key_id", as: String?.self),
            let wrapped = try row.decode(column: "wrapped_key", as: String?.self)
        else { throw SealingError.noDataKey }
        return try ring.unwrap(wrapped, masterKeyID: masterKeyID)
    }

    /// Re-wraps up to `limit` data keys not wrapped by the current master key; returns how many.
    public func rewrapBatch(limit: Int) async throws -> Int {
        let rows = try await sql.select().columns(owner.column, "master_key_id", "wrapped_key").from(owner.table)
            .where("master_key_id", .notEqual, ring.current.id).limit(limit).all()
        for row in rows {
            let (masterKeyID, wrapped) = try ring.rewrap(
                try row.decode(column: "wrapped_key", as: String.self),
                masterKeyID: try row.decode(column: "master_key_id", as: String.self))
            try await sql.update(owner.table).set("master_key_id", to: masterKeyID).set("wrapped_key", to: wrapped)
                .where(SQLColumn(owner.column), .equal, SQLBind(try row.decode(column: owner.column, as: String.self))).run()
        }
        return rows.count
    }
}

/// A data key just made, with its wrapped form.
public struct NewDataKey: Sendable {
    /// The key.
    public let key: DataKey
    /// The master key that wrapped it.
    public let masterKeyID: String
    /// The wrapped key, base64.
    public let wrapped: String
}

extension DataKeyRepository {
    /// Destroys the data key of `id` (crypto-shredding); false when it was already gone.
    public func destroy(_ id: String) async throws -> Bool {
        try await !sql.delete(from: owner.table).where(SQLColumn(owner.column), .equal, SQLBind(id)).returning(SQLColumn(owner.column))
            .all()
            .isEmpty
    }
}
