import Crypto
import Foundation
import Testing

@testable import OpenIMISecurity

/// Signed notes, verifier keys and checkpoints as c2sp.org specifies them, checked against the
/// reference implementation's published key and note (golang.org/x/mod/sumdb/note).
@Suite struct SignedNoteTests {
    /// The example key and note of Go's `sumdb/note` documentation and tests.
    static let goVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let goSignerKey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let goSignature =
        "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    @Test func theReferenceKeyAndNoteVerify() throws {
        let verifier = try NoteVerifier(vkey: Self.goVerifierKey)
        #expect(verifier.name == "PeterNeumann" && verifier.keyID == 0xc74f_20a3 && verifier.type == .ed25519)
        #expect(verifier.vkey == Self.goVerifierKey)
        let note = try SignedNote(parsing: Self.goText + "\n" + Self.goSignature)
        #expect(note.text == Self.goText)
        #expect(note.isSigned(by: verifier))
        #expect(note.serialized == Self.goText + "\n" + Self.goSignature)
        // Another text under the same signature does not verify.
        #expect(!SignedNote(text: "If you think\n", signatures: note.signatures).isSigned(by: verifier))
    }

    @Test func signingWithTheReferencePrivateKeyGivesTheReferenceSignature() throws {
        let encoded = String(Self.goSignerKey.split(separator: "+", maxSplits: 4)[4])
        let blob = try #require(Base64.decode(encoded))
        #expect(blob.first == 0x01)
        let signer = try NoteSigner(
            name: "PeterNeumann", type: .ed25519, key: try Curve25519.Signing.PrivateKey(rawRepresentation: blob.dropFirst()))
        #expect(signer.verifier.vkey == Self.goVerifierKey)
        let line = try signer.sign(Self.goText)
        // Ed25519 is deterministic (RFC 8032): the same key and text give the same signature.
        #expect(line.line == Self.goSignature)
    }

    @Test func malformedKeysAreRefused() {
        for key in [
            "", "PeterNeumann", "PeterNeumann+c74f20a3", "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq",
            "PeterNeumann+c74f20a3+Bxpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
            "PeterNeumann+zzzzzzzz+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        ] {
            #expect(throws: NoteError.self, "\(key)") { try NoteVerifier(vkey: key) }
        }
    }

    @Test func malformedNotesAreRefusedWithinBounds() {
        let line = Self.goSignature
        for note in [
            "", Self.goText, Self.goText + line, Self.goText + "\n", Self.goText + "\n" + "- PeterNeumann abc\n",
            Self.goText + "\n" + line.dropLast(), "a\u{1}b\n\n" + line, Self.goText + "\n" + "\u{2014} PeterNeumann not*base64\n",
            Self.goText + "\n"
                + "\u{2014} Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            Self.goText + "\n" + String(repeating: line, count: SignedNote.maximumSignatures + 1),
            String(repeating: "x", count: SignedNote.maximumSize) + "\n\n" + line,
        ] {
            #expect(throws: NoteError.self, "\(note.prefix(80))") { try SignedNote(parsing: note) }
        }
    }

    @Test func checkpointTextIsReadStrictly() throws {
        let root = Array(repeating: UInt8(7), count: 32)
        let head = TreeHead(origin: "example.org/log", size: 20_852_163, rootHash: root)
        #expect(try TreeHead(text: head.text) == head)
        for text in [
            "example.org/log\n020852163\n\(Base64.encode(root))\n", "example.org/log\n-1\n\(Base64.encode(root))\n",
            "example.org/log\n1\n\(Base64.encode(root.dropLast()))\n", "\n1\n\(Base64.encode(root))\n", "example.org/log\n1\n",
            "example.org/log\n1\n\(Base64.encode(root))\nextension\n", "example.org/log\n99999999999999999999\n\(Base64.encode(root))\n",
            "example.org/log\n1\n\(Base64.encode(root))",
        ] {
            #expect(throws: NoteError.self, "\(text)") { try TreeHead(text: text) }
        }
    }

    @Test func cosignaturesCarryTheirTimeAndBreakWhenChanged() throws {
        let witness = try NoteSigner(name: "witness.example/w1", type: .cosignature, key: Curve25519.Signing.PrivateKey())
        let text = TreeHead(origin: "example.org/log", size: 5, rootHash: Array(repeating: 1, count: 32)).text
        let line = try witness.sign(text, timestamp: 1_679_315_147)
        #expect(line.bytes.count == 72 && NoteVerifier.timestamp(line) == 1_679_315_147)
        #expect(witness.verifier.verifies(line, over: text))
        #expect(try NoteVerifier(vkey: witness.verifier.vkey) == witness.verifier)
        // Another time, another text or a flipped bit: refused.
        var later = line.bytes
        later[7] ^= 1
        #expect(!witness.verifier.verifies(NoteSignature(name: line.name, keyID: line.keyID, bytes: later), over: text))
        #expect(!witness.verifier.verifies(line, over: text.replacingOccurrences(of: "\n5\n", with: "\n6\n")))
        // A cosignature key does not verify plain note signatures, nor the reverse.
        let plain = try NoteSigner(name: "witness.example/w1", type: .ed25519, key: Curve25519.Signing.PrivateKey())
        #expect(plain.verifier.keyID != witness.verifier.keyID || plain.verifier.publicKey != witness.verifier.publicKey)
        #expect(!witness.verifier.verifies(try plain.sign(text), over: text))
    }

    @Test func aQuorumCountsValidCosignaturesOfTrustedWitnessesOnly() throws {
        let witnesses = try (1...3).map { try NoteSigner(name: "w\($0).example", type: .cosignature, key: Curve25519.Signing.PrivateKey()) }
        let stranger = try NoteSigner(name: "w1.example", type: .cosignature, key: Curve25519.Signing.PrivateKey())
        let text = TreeHead(origin: "example.org/log", size: 5, rootHash: Array(repeating: 1, count: 32)).text
        var note = SignedNote(text: text, signatures: [])
        note.add(try witnesses[0].sign(text, timestamp: 1))
        note.add(try witnesses[1].sign(text, timestamp: 2))
        note.add(try stranger.sign(text, timestamp: 3))
        let policy = try WitnessQuorum(witnesses: witnesses.map(\.verifier), quorum: 2)
        let outcome = policy.evaluate(note)
        #expect(outcome.cosigned == ["w1.example", "w2.example"] && outcome.missing == ["w3.example"] && outcome.isMet)
        // An altered cosignature of a trusted witness fails the whole quorum.
        var altered = note.signatures[1].bytes
        altered[20] ^= 1
        let forged = SignedNote(
            text: text,
            signatures: [note.signatures[0], NoteSignature(name: "w2.example", keyID: witnesses[1].verifier.keyID, bytes: altered)])
        #expect(policy.evaluate(forged).invalid == ["w2.example"] && !policy.evaluate(forged).isMet)
        #expect(throws: NoteError.self) { try WitnessQuorum(witnesses: witnesses.map(\.verifier), quorum: 4) }
        // One witness named twice does not count twice.
        #expect(throws: NoteError.self) { try WitnessQuorum(witnesses: [witnesses[0].verifier, witnesses[0].verifier], quorum: 2) }
    }

    @Test func consistencyProofsFromSubtreesEqualThoseFromAllLeaves() async throws {
        let leaves = (0..<70).map { MerkleTree.leafHash([UInt8($0)]) }
        for size in 1...leaves.count {
            for old in 0...size {
                let expected = MerkleTree.consistencyProof(from: old, Array(leaves[0..<size]))
                let proof = await MerkleTree.consistencyProof(from: Int64(old), size: Int64(size)) { subtree in
                    MerkleTree.root(Array(leaves[Int(subtree.firstLeaf)..<Int(subtree.firstLeaf + subtree.leafCount)]))
                }
                #expect(proof == expected, "\(old) → \(size)")
                #expect(
                    MerkleTree.verifyConsistency(
                        oldSize: old, oldRoot: MerkleTree.root(Array(leaves[0..<old])), newSize: size,
                        newRoot: MerkleTree.root(Array(leaves[0..<size])), proof: proof))
            }
        }
    }
}
