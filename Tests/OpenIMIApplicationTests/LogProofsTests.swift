import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

/// Inclusion proofs read from stored subtree roots verify against signed checkpoints.
@Suite struct LogProofsTests {
    @Test func proofsFromStoredSubtreesVerifyAgainstEachCheckpoint() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-proof-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = SigningKeyStore(directory: directory)
        let identity = try keys.loadOrCreate(subject: try SigningIdentity.subject(organisation: "Test"), now: Date())
        try await TestDatabase.withDatabase { database in
            let checkpointer = LogCheckpointer(database: database, keys: keys, status: EvidenceStatus())
            var checkpoints: [LogCheckpoint] = []
            for n in 0..<700 {
                try await database.transaction { sql in
                    try await AccessLog(sql: sql).record(
                        userID: UUID(), organisationID: UUID(), requestID: UUID(), operation: .read, purpose: .read(.api, .getRequest),
                        fields: ["subject"], at: Date(timeIntervalSince1970: 1_800_000_000 + Double(n)))
                }
                if n == 299 || n == 699 { checkpoints.append(try #require(try await checkpointer.checkpoint(now: Date()))) }
            }
            let leaves = try await database.sql.raw("SELECT entry_hash FROM log_chain ORDER BY seq").all().map {
                try #require(ContentDigest.bytes(hex: try $0.decode(column: "entry_hash", as: String.self)))
            }
            let stored = try await database.sql.raw("SELECT COUNT(*) AS n FROM log_subtree").first()?.decode(column: "n", as: Int.self)
            #expect(stored == 3, "two subtrees of 256 and one of 512")
            for checkpoint in checkpoints {
                #expect(checkpoint.isSigned(by: try identity.noteSigner(origin: LogCheckpointer.defaultOrigin).verifier))
                let size = Int(checkpoint.treeSize)
                for index in [0, 1, 255, 256, 257, 298, 299, 511, 512, 640, 699] where index < size {
                    let proof = try await LogProofs(sql: database.sql).inclusionProof(sequence: Int64(index), treeSize: checkpoint.treeSize)
                    #expect(proof == MerkleTree.inclusionProof(index: index, Array(leaves[0..<size])), "\(index) of \(size)")
                    #expect(
                        MerkleTree.verifyInclusion(
                            leaf: leaves[index], index: index, treeSize: size, proof: proof, root: checkpoint.rootHash))
                }
            }
        }
    }
}
