import Foundation
import OpenIMISecurity
import SQLKit

/// The platform's own data keys (the subject index key, the register key), wrapped by the master
/// key like the requests' data keys and created on first use.
public struct PlatformKeyRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys.
    public let ring: DataKeyRing

    /// The key that seals the registers kept outside requests: rights requests, questions to coordinators.
    public static let registerKeyName = "registers"

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase, ring: DataKeyRing) {
        self.sql = sql
        self.ring = ring
    }

    /// The key called `name` of `database`, read through its readers; on first use it is created in
    /// a transaction of its own, as readers cannot write.
    public static func key(named name: String, in database: any Database, ring: DataKeyRing) async throws -> DataKey {
        if let key = try await PlatformKeyRepository(sql: database.sql, ring: ring).stored(name) { return key }
        return try await database.transaction { sql in try await PlatformKeyRepository(sql: sql, ring: ring).key(named: name) }
    }

    /// The key called `name`, creating it on first use (a concurrent creation keeps the first key);
    /// `sql` must be a transaction when the key may not exist yet.
    public func key(named name: String) async throws -> DataKey {
        if let key = try await stored(name) { return key }
        let (_, masterKeyID, wrapped) = try ring.newDataKey(random: SystemSecureRandom())
        try await sql.insert(into: "platform_key").columns("name", "master_key_id", "wrapped_key", "created_at")
            .values(SQLBind(name), SQLBind(masterKeyID), SQLBind(wrapped), SQLBind(Date().epochSeconds))
            .ignoringConflicts(with: ["name"]).run()
        guard let key = try await stored(name) else { throw SealingError.noDataKey }
        return key
    }

    private func stored(_ name: String) async throws -> DataKey? {
        guard
            let row = try await sql.select().columns("master_key_id", "wrapped_key").from("platform_key")
                .where("name", .equal, name).first()
        else { return nil }
        return try ring.unwrap(
            try row.decode(column: "wrapped_key", as: String.self), masterKeyID: try row.decode(column: "master_key_id", as: String.self))
    }

    /// Re-wraps every platform key with the current master key.
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
