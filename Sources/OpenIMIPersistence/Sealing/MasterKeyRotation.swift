import Foundation
import OpenIMISecurity
import SQLKit

/// Replaces the master key: every data key is re-wrapped by the new one, the data themselves are
/// not touched. Resumable: the new key is written to `FILE.next` before any data key is re-wrapped
/// (and loaded as an earlier key by a platform that starts meanwhile), and replaces `FILE` only
/// once no data key needs the old one. Run it while no server uses the database.
public struct MasterKeyRotation: Sendable {
    /// The database.
    public let database: any Database
    /// The ring the platform loaded (the current key and any earlier ones).
    public let ring: DataKeyRing

    /// Creates the rotation.
    public init(database: any Database, ring: DataKeyRing) {
        self.database = database
        self.ring = ring
    }

    /// What a rotation or re-wrap did.
    public struct Outcome: Sendable, Equatable {
        /// The master key now in use.
        public let masterKeyID: String
        /// Data keys re-wrapped.
        public let rewrapped: Int
    }

    /// Rotates the key kept in `file` to a new random one.
    public func rotate(file: URL, random: some SecureRandom) async throws -> Outcome {
        let next = URL(fileURLWithPath: file.path + DataKeyRing.nextSuffix)
        if !FileManager.default.fileExists(atPath: next.path) { try KeyFile.write(random.bytes(32), to: next) }
        let newKey = try MasterKey(bytes: try KeyFile.read(next))
        let rotated = DataKeyRing(current: newKey, earlier: [ring.current] + ring.earlier.values.filter { $0.id != newKey.id })
        let outcome = try await MasterKeyRotation(database: database, ring: rotated).rewrapAll()
        // rename(2) replaces the old key file atomically.
        guard rename(next.path, file.path) == 0 else { throw SecretBoxError.cannotCreate(file.path) }
        return outcome
    }

    /// Re-wraps every data key not wrapped by the ring's current key (after the key given in the
    /// environment was replaced, with the old one as the previous key). API results stored for
    /// retries under the old key are dropped.
    public func rewrapAll() async throws -> Outcome {
        var total = 0
        while true {
            let count = try await database.transaction { sql in
                var count = 0
                for owner in DataKeyOwner.allCases {
                    count += try await DataKeyRepository(sql: sql, ring: ring, owner: owner).rewrapBatch(limit: 500)
                }
                return count
            }
            if count == 0 { break }
            total += count
        }
        try await database.transaction { sql in
            try await PlatformKeyRepository(sql: sql, ring: ring).rewrap()
        }
        return Outcome(masterKeyID: ring.current.id, rewrapped: total)
    }
}
