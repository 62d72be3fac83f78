import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import SQLKit
import Testing

/// The checkpoints held outside the database stop what whoever holds the database could otherwise
/// do unseen: rewrite the log, re-chain it, delete the checkpoints and let the server sign the
/// forged history; or cut off the tail with its checkpoints. On SQLite and PostgreSQL alike.
@Suite struct LogAnchorTests {
    /// What a test works with.
    struct Setup: Sendable {
        let database: any Database
        let keys: SigningKeyStore
        let identity: SigningIdentity
        let anchor: CheckpointFile
        let checkpointer: LogCheckpointer
        let request: UUID

        /// The checkpointer of a restarted server: a new status, the same file.
        func restarted() -> LogCheckpointer {
            LogCheckpointer(database: database, keys: keys, status: EvidenceStatus(), anchor: anchor)
        }

        /// Writes entry `n` of the test log.
        func write(_ n: Int) async throws {
            try await database.transaction { [request] sql in
                try await AccessLog(sql: sql).record(
                    userID: UUID(), organisationID: UUID(), requestID: request, operation: .write, purpose: .step(.send),
                    fields: ["subject"], digest: ContentDigest.sha256(Data("content \(n)".utf8)),
                    at: Date(timeIntervalSince1970: 1_700_000_000 + Double(n)))
            }
        }

        func entryID(_ sequence: Int) async throws -> String {
            try #require(
                try await database.sql.raw("SELECT entry_id FROM log_chain WHERE seq = \(bind: sequence)").first()?
                    .decode(column: "entry_id", as: String.self))
        }
    }

    /// 24 entries with a checkpoint after every 8, each also in the checkpoint file.
    private static func withLog(_ body: @escaping @Sendable (Setup) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-anchor-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let keys = SigningKeyStore(directory: directory.appendingPathComponent("keys"))
        let identity = try keys.loadOrCreate(subject: try SigningIdentity.subject(organisation: "Test"), now: Date())
        let anchor = CheckpointFile(directory: directory.appendingPathComponent("checkpoints"))
        try await TestDatabase.withDatabase { database in
            let setup = Setup(
                database: database, keys: keys, identity: identity, anchor: anchor,
                checkpointer: LogCheckpointer(database: database, keys: keys, status: EvidenceStatus(), anchor: anchor), request: UUID())
            for n in 0..<24 {
                try await setup.write(n)
                if (n + 1) % 8 == 0 { try await setup.checkpointer.checkpoint(now: Date(timeIntervalSince1970: 1_700_000_100)) }
            }
            try await body(setup)
        }
    }

    /// The review's attack: entry 10 rewritten, the whole log re-chained, checkpoints and subtrees deleted.
    private static func rewriteAndRechain(_ setup: Setup) async throws {
        #expect(try await TestDatabase.rewriteAndRechain(setup.database, sequence: 10) == 24)
    }

    @Test func anUntouchedLogRestartsAndExtendsItsCheckpoints() async throws {
        try await Self.withLog { setup in
            #expect(try setup.anchor.notes().map { try TreeHead(text: $0.text).size } == [8, 16, 24])
            let restarted = setup.restarted()
            try await restarted.verifyAnchor(now: Date())
            try restarted.status.requireSigning()
            try await setup.write(24)
            #expect(try await restarted.checkpoint(now: Date())?.treeSize == 25)
            #expect(try setup.anchor.notes().count == 4)
        }
    }

    @Test func theReviewsAttackIsStoppedAtRestartAndNamed() async throws {
        try await Self.withLog { setup in
            try await Self.rewriteAndRechain(setup)
            // Without the file, the re-chained log verifies: this is what the file is for.
            #expect(try await LogVerifier(database: setup.database, identities: [setup.identity]).verify().entries == 24)
            let restarted = setup.restarted()
            await #expect {
                try await restarted.verifyAnchor(now: Date())
            } throws: { error in
                guard case EvidenceError.logInconsistent(let reason) = error else { return false }
                return reason.contains("does not extend the checkpoint of 24 entries") && reason.contains(setup.anchor.url.path)
            }
            // Every change is refused (503) and nothing is signed; the alarm is kept for the operators.
            #expect(throws: EvidenceError.self) { try restarted.status.requireSigning() }
            await #expect(throws: EvidenceError.self) { try await restarted.checkpoint(now: Date(), force: true) }
            #expect(try await CheckpointRepository(sql: setup.database.sql).all().isEmpty)
            let alarms = try await LogAlarmRepository(sql: setup.database.sql).recent()
            #expect(alarms.first?.kind == "inconsistent-log" && alarms.first?.source == "platform")
        }
    }

    @Test func theRunningServerRefusesToSignTheRewrittenLog() async throws {
        try await Self.withLog { setup in
            try await Self.rewriteAndRechain(setup)
            try await setup.write(24)
            await #expect {
                try await setup.checkpointer.checkpoint(now: Date())
            } throws: { error in
                guard case EvidenceError.logInconsistent(let reason) = error else { return false }
                return reason.contains("does not extend the checkpoint of 24 entries")
            }
            #expect(try setup.anchor.notes().count == 3)
            #expect(try await CheckpointRepository(sql: setup.database.sql).all().isEmpty)
        }
    }

    @Test func aTailCutOffWithItsCheckpointIsStoppedAndNamed() async throws {
        try await Self.withLog { setup in
            var statements = ["DELETE FROM log_checkpoint WHERE tree_size = 24", "DELETE FROM log_chain WHERE seq >= 20"]
            for n in 20..<24 { statements.append("DELETE FROM access_log WHERE id = '\(try await setup.entryID(n))'") }
            try await TestDatabase.tamper(setup.database, statements)
            // The database alone no longer shows it.
            #expect(try await LogVerifier(database: setup.database, identities: [setup.identity]).verify().entries == 20)
            await #expect {
                try await setup.restarted().verifyAnchor(now: Date())
            } throws: { error in
                guard case EvidenceError.logInconsistent(let reason) = error else { return false }
                return reason.contains("holds 20 entries, fewer than the 24")
            }
        }
    }

    @Test func verifyLogNamesWhereAKeptEvidenceFileDiverges() async throws {
        try await Self.withLog { setup in
            // An evidence file issued at 16 entries: the checkpoint and the request's proved entries.
            let sixteen = try setup.anchor.notes()[1]
            let proved = try await RequestLogRepository(sql: setup.database.sql).provedEntries(of: setup.request, treeSize: 16)
            let evidence = try ExternalCheckpoint(source: "evidence.jws", note: sixteen, entries: proved.map(\.entry))
            let eight = try ExternalCheckpoint(source: "checkpoints #1", note: try setup.anchor.notes()[0])
            var verifier = LogVerifier(database: setup.database, identities: [setup.identity])
            verifier.external = [eight, evidence]
            #expect(try await verifier.verify().external == 2)
            try await Self.rewriteAndRechain(setup)
            await #expect(
                throws: LogVerificationFailure.externalInconsistent(source: "evidence.jws", treeSize: 16, agreedSize: 8, firstDifferent: 10)
            ) {
                try await verifier.verify()
            }
        }
    }

    @Test func twoTreesOfOneSizeAreNamedAsASplitView() async throws {
        try await Self.withLog { setup in
            let genuine = try setup.anchor.notes()[1]
            let other = try LogCheckpoint.sign(
                treeSize: 16, rootHash: MerkleTree.leafHash([1]), origin: LogCheckpointer.defaultOrigin, at: 0, with: setup.identity)
            var verifier = LogVerifier(database: setup.database, identities: [setup.identity])
            verifier.external = [
                try ExternalCheckpoint(source: "a.jws", note: genuine),
                try ExternalCheckpoint(source: "b.jws", note: try #require(other.note)),
            ]
            await #expect(throws: LogVerificationFailure.splitView(treeSize: 16, first: "the database's checkpoint", second: "b.jws")) {
                try await verifier.verify()
            }
        }
    }

    @Test func entriesNoCheckpointCoversAreRefusedOnceOlderThanTheInterval() async throws {
        try await Self.withLog { setup in
            for n in 24..<27 { try await setup.write(n) }
            var verifier = LogVerifier(database: setup.database, identities: [setup.identity])
            verifier.interval = LogCheckpointer.reuseAge
            verifier.now = 1_700_000_024 + 61
            // Still queued: the sequencer has not run.
            await #expect(throws: LogVerificationFailure.unsequenced(entries: 3, ageSeconds: 61)) { try await verifier.verify() }
            try await LogSequencer(database: setup.database).integrate()
            verifier.now = 1_700_000_024 + 30
            #expect(try await verifier.verify().entries == 27)
            verifier.now = 1_700_000_024 + 61
            await #expect(throws: LogVerificationFailure.uncheckpointed(from: 24, entries: 3, ageSeconds: 61)) {
                try await verifier.verify()
            }
            // A log whose checkpoints were all removed: refused from its first entry.
            try await TestDatabase.tamper(setup.database, ["DELETE FROM log_checkpoint"])
            await #expect(throws: LogVerificationFailure.uncheckpointed(from: 0, entries: 27, ageSeconds: 85)) {
                try await verifier.verify()
            }
        }
    }

    @Test func aCheckpointFileStartsFromTheDatabasesCheckpoints() async throws {
        try await Self.withLog { setup in
            try FileManager.default.removeItem(at: setup.anchor.url)
            #expect(try await setup.restarted().verifyAnchor(now: Date()) == 3)
            #expect(try setup.anchor.notes().count == 3)
        }
    }

    @Test func aCheckpointFileOfAnotherLogIsRefused() async throws {
        try await Self.withLog { setup in
            let stranger = try SigningIdentity.create(subject: try SigningIdentity.subject(organisation: "Other"), now: Date())
            let other = try LogCheckpoint.sign(
                treeSize: 24, rootHash: MerkleTree.leafHash([7]), origin: LogCheckpointer.defaultOrigin, at: 0, with: stranger)
            // The file refuses another tree of a size it holds, so the stranger's is appended by hand.
            #expect(throws: CheckpointFileError.self) { try setup.anchor.append(try #require(other.note)) }
            let handle = try FileHandle(forWritingTo: setup.anchor.url)
            try handle.seekToEnd()
            let larger = try LogCheckpoint.sign(
                treeSize: 25, rootHash: MerkleTree.leafHash([7]), origin: LogCheckpointer.defaultOrigin, at: 0, with: stranger)
            try handle.write(contentsOf: Data((try #require(larger.note).serialized + "\n").utf8))
            try handle.close()
            await #expect {
                try await setup.restarted().verifyAnchor(now: Date())
            } throws: { error in
                guard case EvidenceError.logInconsistent(let reason) = error else { return false }
                return reason.contains("not signed by this platform's keys")
            }
        }
    }

    @Test func anOlderCheckpointLeftInTheDatabaseIsNotHandedOutAgain() async throws {
        try await Self.withLog { setup in
            // Entries and checkpoints cut back to the genuine checkpoint of 16: nothing new to sign.
            var statements = ["DELETE FROM log_checkpoint WHERE tree_size = 24", "DELETE FROM log_chain WHERE seq >= 16"]
            for n in 16..<24 { statements.append("DELETE FROM access_log WHERE id = '\(try await setup.entryID(n))'") }
            try await TestDatabase.tamper(setup.database, statements)
            await #expect {
                try await setup.checkpointer.checkpoint(now: Date(), force: true)
            } throws: { error in
                guard case EvidenceError.logInconsistent(let reason) = error else { return false }
                return reason.contains("covers 16 entries, fewer than the 24")
            }
            await #expect(throws: EvidenceError.self) {
                try await setup.checkpointer.recent(covering: 3, now: Date(timeIntervalSince1970: 1_700_000_100))
            }
        }
    }

    @Test func checkpointsSignedAtOnceAreAppendedInOrder() async throws {
        try await Self.withLog { setup in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for n in 24..<40 {
                    group.addTask {
                        try await setup.write(n)
                        try await setup.checkpointer.checkpoint(now: Date())
                    }
                }
                try await group.waitForAll()
            }
            let sizes = try setup.anchor.notes().map { try TreeHead(text: $0.text).size }
            #expect(sizes == sizes.sorted() && Set(sizes).count == sizes.count && sizes.last == 40)
            try setup.checkpointer.status.requireSigning()
        }
    }
}
