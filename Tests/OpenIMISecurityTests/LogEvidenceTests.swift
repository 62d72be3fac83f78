import Crypto
import Foundation
import OpenIMISecurity
import Testing

/// The pieces of the tamper-evident log: entry hashes, the growing tree and signed checkpoints.
@Suite struct LogEvidenceTests {
    private static func entry(_ n: Int64, previous: String) -> LogEntry {
        LogEntry(
            sequence: n, id: "id-\(n)", at: 1_800_000_000 + n, user: "u", organisation: "o", request: "r",
            operation: n % 2 == 0 ? "read" : "write",
            purpose: "api:get-request", fields: ["subject", "answers"], digest: n % 3 == 0 ? nil : String(repeating: "ab", count: 32),
            previous: previous)
    }

    @Test func theFrontierGivesTheSameRootAsTheWholeTreeAtEverySize() {
        var frontier = MerkleFrontier()
        var leaves: [MerkleTree.Hash] = []
        #expect(frontier.root == MerkleTree.emptyRoot)
        for n in 0..<130 {
            let leaf = MerkleTree.leafHash(Array("leaf \(n)".utf8))
            leaves.append(leaf)
            frontier.append(leafHash: leaf)
            #expect(frontier.root == MerkleTree.root(leaves), "size \(n + 1)")
            #expect(MerkleFrontier(size: frontier.size, hashes: frontier.hashes) == frontier)
        }
        #expect(MerkleFrontier(size: 5, hashes: [MerkleTree.emptyRoot]) == nil)
    }

    @Test func anEntryCommitsToItsContentAndToTheOneBefore() {
        let first = Self.entry(0, previous: LogEntry.origin)
        let second = Self.entry(1, previous: ContentDigest.hex(first.hash))
        #expect(second.canonical.text.contains(#""previous":"\#(ContentDigest.hex(first.hash))""#))
        #expect(first.canonical.text.hasPrefix(#"{"at":1800000000,"digest":null,"fields":["subject","answers"],"id":"id-0""#))
        var changed = second
        changed.purpose = "api:get-requesT"
        #expect(changed.hash != second.hash)
        changed = second
        changed.previous = LogEntry.origin
        #expect(changed.hash != second.hash)
        #expect(first.hash == MerkleTree.leafHash(Array(first.canonical.text.utf8)))
        for n in 0..<12 {
            var entry = Self.entry(Int64(n), previous: ContentDigest.hex(first.hash))
            entry.fields = n == 5 ? [] : n == 6 ? ["a\"b", "Ærø \u{1}"] : entry.fields
            #expect(entry.canonicalBytes == entry.canonical.bytes, "entry \(n)")
        }
    }

    @Test func aCheckpointVerifiesWithItsKeyOnlyAndBreaksWhenChanged() throws {
        let identity = try SigningIdentity.create(subject: try SigningIdentity.subject(organisation: "Test"), now: Date())
        let root = MerkleTree.leafHash(Array("x".utf8))
        let checkpoint = try LogCheckpoint.sign(treeSize: 42, rootHash: root, origin: "example.org/log", at: 1_800_000_000, with: identity)
        let logKey = try identity.noteSigner(origin: "example.org/log").verifier
        #expect(checkpoint.keyID == identity.keyID)
        #expect(checkpoint.isSigned(by: logKey))
        let other = try SigningIdentity.create(subject: try SigningIdentity.subject(organisation: "Other"), now: Date())
        #expect(!checkpoint.isSigned(by: try other.noteSigner(origin: "example.org/log").verifier))
        #expect(!checkpoint.isSigned(by: try identity.noteSigner(origin: "example.org/other-log").verifier))
        let note = try #require(checkpoint.note)
        #expect(note.text == "example.org/log\n42\n\(Base64.encode(root))\n")
        // Another size under the same signature does not verify.
        let larger = SignedNote(text: "example.org/log\n43\n\(Base64.encode(root))\n", signatures: note.signatures)
        #expect(!larger.isSigned(by: logKey))
        var bytes = note.signatures[0].bytes
        bytes[bytes.count - 1] ^= 1
        let flipped = SignedNote(text: note.text, signatures: [NoteSignature(name: logKey.name, keyID: logKey.keyID, bytes: bytes)])
        #expect(!flipped.isSigned(by: logKey))
    }

    @Test func hexRoundTrips() {
        let bytes: [UInt8] = (0...255).map { UInt8($0) }
        #expect(ContentDigest.bytes(hex: ContentDigest.hex(bytes)) == bytes)
        #expect(ContentDigest.bytes(hex: "abc") == nil && ContentDigest.bytes(hex: "zz") == nil)
        #expect(ContentDigest.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

/// Inclusion proofs from perfect subtree roots, as the log's stored subtrees supply them.
@Suite struct SubtreeProofTests {
    @Test func proofsFromSubtreesEqualProofsFromAllLeaves() async throws {
        let leaves = (0..<70).map { MerkleTree.leafHash(Array("leaf \($0)".utf8)) }
        // Every perfect subtree the frontier reports, as a store would keep them.
        var frontier = MerkleFrontier()
        var stored: [MerkleTree.Subtree: MerkleTree.Hash] = [:]
        for leaf in leaves {
            for (subtree, root) in frontier.append(leafHash: leaf) { stored[subtree] = root }
        }
        for (subtree, root) in stored {
            let range = Int(subtree.firstLeaf)..<Int(subtree.firstLeaf + subtree.leafCount)
            #expect(root == MerkleTree.root(Array(leaves[range])), "\(subtree)")
        }
        for size in 1...70 {
            for index in 0..<size {
                let proof = try await MerkleTree.inclusionProof(index: Int64(index), size: Int64(size)) { subtree in
                    try #require(stored[subtree])
                }
                #expect(proof == MerkleTree.inclusionProof(index: index, Array(leaves[0..<size])), "index \(index) of \(size)")
            }
        }
    }
}
