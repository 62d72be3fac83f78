import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

/// The access log's chain, tree and checkpoints, and what `verify-log` finds when someone with
/// direct access to the database changes them; on SQLite and PostgreSQL alike.
@Suite struct LogTamperTests {
    /// A log of `entries` entries with a checkpoint after every `every` entries, and a verifier for it.
    private static func withLog(
        entries: Int = 24, every: Int = 8,
        _ body: @escaping @Sendable (any Database, LogVerifier, LogCheckpointer) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-log-keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = SigningKeyStore(directory: directory)
        let identity = try keys.loadOrCreate(subject: try SigningIdentity.subject(organisation: "Test"), now: Date())
        try await TestDatabase.withDatabase { database in
            let checkpointer = LogCheckpointer(database: database, keys: keys, status: EvidenceStatus())
            let request = UUID()
            for n in 0..<entries {
                try await database.transaction { sql in
                    try await AccessLog(sql: sql).record(
                        userID: UUID(), organisationID: UUID(), requestID: request, operation: n % 3 == 0 ? .read : .write,
                        purpose: .step(.send),
                        fields: n == 2 ? ["a\",\"b", "c, d", "Ærø \\ \u{1}", ""] : n == 3 ? [] : ["subject", "answers"],
                        digest: ContentDigest.sha256(Data("content \(n)".utf8)),
                        at: Date(timeIntervalSince1970: 1_800_000_000 + Double(n)))
                }
                if (n + 1) % every == 0 { try await checkpointer.checkpoint(now: Date(timeIntervalSince1970: 1_800_000_100)) }
            }
            try await body(database, LogVerifier(database: database, identities: [identity]), checkpointer)
        }
    }

    private static func expectFailure(_ verifier: LogVerifier, _ expected: LogVerificationFailure) async {
        await #expect(throws: expected) { try await verifier.verify() }
    }

    @Test func anUntouchedLogVerifies() async throws {
        try await Self.withLog { database, verifier, checkpointer in
            let summary = try await verifier.verify()
            #expect(summary.entries == 24 && summary.checkpoints == 3 && summary.latest?.treeSize == 24)
            // Nothing new: no second checkpoint of the same size.
            #expect(try await checkpointer.checkpoint(now: Date())?.treeSize == 24)
            #expect(try await CheckpointRepository(sql: database.sql).all().count == 3)
        }
    }

    @Test func theApplicationCannotChangeOrRemoveChainOrCheckpoints() async throws {
        // 256 entries: one stored subtree.
        try await Self.withLog(entries: 256, every: 256) { database, _, _ in
            for statement in [
                "UPDATE log_chain SET entry_hash = 'x'", "DELETE FROM log_chain", "UPDATE log_checkpoint SET signature = 'x'",
                "DELETE FROM log_checkpoint", "UPDATE log_subtree SET hash = 'x'", "DELETE FROM log_subtree",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await database.transaction { try await $0.raw("\(unsafeRaw: statement)").run() }
                }
            }
        }
    }

    @Test func aFlippedByteIsNamed() async throws {
        try await Self.withLog { database, verifier, _ in
            let id = try await Self.entryID(database, 7)
            try await TestDatabase.tamper(database, ["UPDATE access_log SET purpose = 'step:sene' WHERE id = '\(id)'"])
            await Self.expectFailure(verifier, .entryAltered(sequence: 7, id: id))
        }
    }

    @Test func aDeletedEntryIsNamed() async throws {
        try await Self.withLog { database, verifier, _ in
            let id = try await Self.entryID(database, 5)
            try await TestDatabase.tamper(database, ["DELETE FROM log_chain WHERE seq = 5", "DELETE FROM access_log WHERE id = '\(id)'"])
            await Self.expectFailure(verifier, .entryMissing(sequence: 5))
        }
    }

    @Test func aDeletedAccessLogRowIsNamed() async throws {
        // The foreign key from the chain stops this on SQLite even without the triggers; on
        // PostgreSQL the owner can drop it.
        guard TestDatabase.kind == .postgresql else { return }
        try await Self.withLog { database, verifier, _ in
            let id = try await Self.entryID(database, 9)
            try await TestDatabase.tamper(
                database, ["ALTER TABLE log_chain DROP CONSTRAINT log_chain_entry_id_fkey", "DELETE FROM access_log WHERE id = '\(id)'"])
            await Self.expectFailure(verifier, .entryRowMissing(sequence: 9, id: id))
        }
    }

    @Test func twoReorderedEntriesAreNamed() async throws {
        try await Self.withLog { database, verifier, _ in
            let third = try await Self.entryID(database, 3)
            try await TestDatabase.tamper(
                database,
                [
                    "UPDATE log_chain SET seq = -1 WHERE seq = 3", "UPDATE log_chain SET seq = 3 WHERE seq = 4",
                    "UPDATE log_chain SET seq = 4 WHERE seq = -1",
                ])
            await Self.expectFailure(verifier, .entryAltered(sequence: 3, id: try await Self.entryID(database, 3)))
            #expect(try await Self.entryID(database, 4) == third)
        }
    }

    @Test func aTruncatedTailIsNamed() async throws {
        try await Self.withLog { database, verifier, _ in
            var statements = ["DELETE FROM log_chain WHERE seq >= 21"]
            for n in 21..<24 { statements.append("DELETE FROM access_log WHERE id = '\(try await Self.entryID(database, n))'") }
            try await TestDatabase.tamper(database, statements)
            await Self.expectFailure(verifier, .checkpointBeyondLog(treeSize: 24, entries: 21))
        }
    }

    @Test func aReplacedCheckpointSignatureIsNamed() async throws {
        try await Self.withLog { database, verifier, _ in
            let checkpoints = try await CheckpointRepository(sql: database.sql).all()
            let keyID = try #require(checkpoints.first?.keyID)
            // A genuine signature of the same key, from another checkpoint.
            let eight = try #require(checkpoints[0].note)
            let sixteen = try #require(checkpoints[1].note)
            let forged = SignedNote(text: sixteen.text, signatures: eight.signatures).serialized
            try await TestDatabase.tamper(database, ["UPDATE log_checkpoint SET note = '\(forged)' WHERE tree_size = 16"])
            await Self.expectFailure(verifier, .checkpointSignatureInvalid(treeSize: 16, keyID: keyID))
        }
    }

    @Test func historyRewrittenWithFreshHashesFailsAtTheCheckpoint() async throws {
        try await Self.withLog { database, verifier, _ in
            // Change entry 10 and recompute the hashes of it and every later entry, as a forger who
            // knows the scheme would: the chain is consistent again, the signed root is not.
            let rows = try await database.sql.raw(
                "SELECT c.seq, a.* FROM log_chain c JOIN access_log a ON a.id = c.entry_id ORDER BY c.seq"
            ).all()
            var previous = LogEntry.origin
            var statements = ["UPDATE access_log SET purpose = 'forged' WHERE id = '\(try await Self.entryID(database, 10))'"]
            for row in rows {
                let sequence = try row.decode(column: "seq", as: Int64.self)
                var entry = LogEntry(
                    sequence: sequence, id: try row.decode(column: "id", as: String.self), at: try row.decode(column: "at", as: Int64.self),
                    user: try row.decode(column: "user_id", as: String.self),
                    organisation: try row.decode(column: "organisation_id", as: String.self),
                    request: try row.decode(column: "request_id", as: String.self),
                    operation: try row.decode(column: "operation", as: String.self),
                    purpose: try row.decode(column: "purpose", as: String.self),
                    fields: try JSONDecoder().decode([String].self, from: Data(try row.decode(column: "fields", as: String.self).utf8)),
                    digest: try row.decode(column: "content_digest", as: String?.self), previous: previous)
                if sequence == 10 { entry.purpose = "forged" }
                previous = ContentDigest.hex(entry.hash)
                if sequence >= 10 { statements.append("UPDATE log_chain SET entry_hash = '\(previous)' WHERE seq = \(sequence)") }
            }
            try await TestDatabase.tamper(database, statements)
            await Self.expectFailure(verifier, .checkpointRootMismatch(treeSize: 16))
        }
    }

    @Test func entriesAddedOutsideTheChainAreNamed() async throws {
        try await Self.withLog(entries: 4, every: 4) { database, verifier, _ in
            try await TestDatabase.tamper(
                database,
                [
                    "INSERT INTO access_log (id, at, user_id, organisation_id, request_id, operation, purpose, fields) VALUES ('extra', 0, 'u', 'o', 'r', 'read', 'p', '[]')"
                ])
            await Self.expectFailure(verifier, .unchainedEntries(count: 1))
        }
    }

    private static func entryID(_ database: any Database, _ sequence: Int) async throws -> String {
        try #require(try await database.sql.raw("SELECT entry_id FROM log_chain WHERE seq = \(bind: sequence)").first())
            .decode(column: "entry_id", as: String.self)
    }
}
