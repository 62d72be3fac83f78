import Foundation
import OpenIMISecurity
import SQLKit

/// The requests' data keys, wrapped by the master key.
public struct DataKeyRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys.
    public let ring: DataKeyRing

    /// Creates a repository over `sql` with `ring`.
    public init(sql: any SQLDatabase, ring: DataKeyRing) {
        self.sql = sql
        self.ring = ring
    }

    /// A new data key, with what `store` keeps of it.
    public func newKey() throws -> NewDataKey {
        let (key, masterKeyID, wrapped) = try ring.newDataKey(random: SystemSecureRandom())
        return NewDataKey(key: key, masterKeyID: masterKeyID, wrapped: wrapped)
    }

    /// Stores the wrapped keys of new requests (after their rows). Run in the transaction that inserts them.
    public func store(_ keys: [(requestID: String, key: NewDataKey)], now: Date) async throws {
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ keys[$0..<min($0 + 500, keys.count)] }) {
            let insert = sql.insert(into: "request_data_key").columns("request_id", "master_key_id", "wrapped_key", "created_at")
            for (requestID, key) in chunk {
                insert.values(SQLBind(requestID), SQLBind(key.masterKeyID), SQLBind(key.wrapped), SQLBind(now.epochSeconds))
            }
            try await insert.run()
        }
    }

    /// The data key of `requestID`; `noDataKey` when it was destroyed or never made.
    public func key(for requestID: String) async throws -> DataKey {
        guard
            let row = try await sql.select().columns("master_key_id", "wrapped_key").from("request_data_key")
                .where("request_id", .equal, requestID).first()
        else { throw SealingError.noDataKey }
        return try ring.unwrap(
            try row.decode(column: "wrapped_key", as: String.self), masterKeyID: try row.decode(column: "master_key_id", as: String.self))
    }

    /// Re-wraps up to `limit` data keys not wrapped by the current master key; returns how many.
    public func rewrapBatch(limit: Int) async throws -> Int {
        let rows = try await sql.select().columns("request_id", "master_key_id", "wrapped_key").from("request_data_key")
            .where("master_key_id", .notEqual, ring.current.id).limit(limit).all()
        for row in rows {
            let (masterKeyID, wrapped) = try ring.rewrap(
                try row.decode(column: "wrapped_key", as: String.self),
                masterKeyID: try row.decode(column: "master_key_id", as: String.self))
            try await sql.update("request_data_key").set("master_key_id", to: masterKeyID).set("wrapped_key", to: wrapped)
                .where("request_id", .equal, try row.decode(column: "request_id", as: String.self)).run()
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
