import Crypto
import Foundation
import Testing

@testable import OpenIMISecurity

/// The checkpoint file outside the database: appended, read whole or from its end, and refused
/// when others could have rewritten it.
@Suite struct CheckpointFileTests {
    private static func notes(_ count: Int) throws -> [SignedNote] {
        let signer = try NoteSigner(name: "example.org/log", type: .ed25519, key: Curve25519.Signing.PrivateKey())
        return try (1...count).map { size in
            let text = TreeHead(origin: "example.org/log", size: Int64(size), rootHash: MerkleTree.leafHash([UInt8(size % 256)])).text
            return SignedNote(text: text, signatures: [try signer.sign(text)])
        }
    }

    private static func withFile(_ body: (CheckpointFile) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-checkpoints-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(CheckpointFile(directory: directory))
    }

    @Test func appendedCheckpointsAreReadBackInOrderAndTheLastFromTheEnd() throws {
        try Self.withFile { file in
            #expect(try file.last() == nil && file.notes().isEmpty)
            // Enough that the end is read without the start (each record is about 200 bytes).
            let notes = try Self.notes(400)
            for note in notes { try file.append(note) }
            #expect(try file.notes() == notes)
            #expect(try file.last() == notes.last)
            let mode = try FileManager.default.attributesOfItem(atPath: file.url.path)[.posixPermissions] as? Int
            let folder = try FileManager.default.attributesOfItem(atPath: file.directory.path)[.posixPermissions] as? Int
            #expect(mode == 0o600 && folder == 0o700)
        }
    }

    @Test func aFileOthersMayWriteIsRefused() throws {
        try Self.withFile { file in
            try file.append(try Self.notes(1)[0])
            try FileManager.default.setAttributes([.posixPermissions: 0o622], ofItemAtPath: file.url.path)
            #expect(throws: CheckpointFileError.writableByOthers(path: file.url.path)) { try file.last() }
        }
    }

    @Test func aDamagedFileIsRefusedNotSkipped() throws {
        try Self.withFile { file in
            try file.append(try Self.notes(1)[0])
            let handle = try FileHandle(forWritingTo: file.url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("example.org/log\n2\nnot base64\n\n".utf8))
            try handle.close()
            #expect(throws: CheckpointFileError.self) { try file.notes() }
            #expect(throws: CheckpointFileError.self) { try file.last() }
        }
    }
}
