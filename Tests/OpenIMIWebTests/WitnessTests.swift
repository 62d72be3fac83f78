import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import Testing

@testable import OpenIMIApplication
@testable import OpenIMIWeb

/// Witnesses (`openimi witness`) over real HTTP on loopback: the tlog-witness protocol, the
/// platform submitting to two of them with a quorum, one that is down, and a split view.
@Suite struct WitnessTests {
    /// Runs a witness of `logs` on a free port; `body` gets its key and port.
    static func withWitness(
        name: String, logs: [NoteVerifier],
        _ body: @escaping @Sendable (NoteVerifier, Int, any Database) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-witness-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let signer = try NoteKeyFile(url: directory.appendingPathComponent("witness.key")).loadOrCreate(name: name)
        let logger = Logger(label: "openimi-witness-tests")
        let database = try await DatabaseLocation.sqlite(path: directory.appendingPathComponent("witness.sqlite").path).open(logger: logger)
        let witness = Witness(database: database, signer: signer, logs: logs, logger: logger)
        try await buildWitnessApplication(witness: witness, hostname: "127.0.0.1", port: 0, logger: logger).test(.live) { client in
            try await body(signer.verifier, try #require(client.port), database)
        }
    }

    /// A log of `leaves` as its owner would sign it.
    static func checkpoint(_ leaves: [MerkleTree.Hash], signer: NoteSigner) throws -> SignedNote {
        let head = TreeHead(origin: signer.name, size: Int64(leaves.count), rootHash: MerkleTree.root(leaves))
        return SignedNote(text: head.text, signatures: [try signer.sign(head.text)])
    }

    static func body(old: Int, proof: [MerkleTree.Hash], _ note: SignedNote) -> String {
        "old \(old)\n" + proof.map { Base64.encode($0) + "\n" }.joined() + "\n" + note.serialized
    }

    @Test func theWitnessFollowsTheProtocolAndKeepsForks() async throws {
        let log = try NoteSigner(name: "example.org/log", type: .ed25519, key: Curve25519.Signing.PrivateKey())
        let leaves = (0..<20).map { MerkleTree.leafHash([UInt8($0)]) }
        try await Self.withWitness(name: "witness.example/w1", logs: [log.verifier]) { key, port, database in
            let endpoint = try WitnessEndpoint(verifier: key, url: "http://127.0.0.1:\(port)")
            func post(_ body: String) async throws -> (Int, String, String?) {
                // A generous timeout: the whole suite runs in parallel on two cores.
                let answer = try await WitnessClient(endpoint: endpoint, timeout: .seconds(60)).addCheckpoint(body)
                return (answer.status, answer.body, answer.contentType)
            }
            let first = try Self.checkpoint(Array(leaves[0..<8]), signer: log)
            let (status, body, _) = try await post(Self.body(old: 0, proof: [], first))
            #expect(status == 200)
            let cosigned = try SignedNote(parsing: first.text + "\n" + body)
            #expect(cosigned.isSigned(by: key))
            // The same again from size 0: the witness says where it stands.
            let (conflict, size, type) = try await post(Self.body(old: 0, proof: [], first))
            #expect(conflict == 409 && size == "8\n" && type == "text/x.tlog.size")
            // A consistent larger tree with its proof is cosigned.
            let second = try Self.checkpoint(Array(leaves[0..<13]), signer: log)
            #expect(try await post(Self.body(old: 8, proof: MerkleTree.consistencyProof(from: 8, Array(leaves[0..<13])), second)).0 == 200)
            // A rewritten history of 16 entries: the proof from 13 cannot verify.
            var rewritten = Array(leaves[0..<16])
            rewritten[3] = MerkleTree.leafHash([99])
            let forged = try Self.checkpoint(rewritten, signer: log)
            #expect(try await post(Self.body(old: 13, proof: MerkleTree.consistencyProof(from: 13, rewritten), forged)).0 == 422)
            // Another tree of the size it cosigned: a fork, refused and kept.
            var other = Array(leaves[0..<13])
            other[12] = MerkleTree.leafHash([98])
            let fork = try Self.checkpoint(other, signer: log)
            let (forkStatus, forkBody, _) = try await post(Self.body(old: 13, proof: [], fork))
            #expect(forkStatus == 409 && forkBody == "13\n")
            // The fork is kept with the checkpoint cosigned before, both signed by the log; a bad proof is not kept.
            let refusals = try await WitnessRepository(sql: database.sql).refusals()
            #expect(refusals.map(\.reason) == ["fork"])
            #expect(refusals.allSatisfy { (try? SignedNote(parsing: $0.note))?.isSigned(by: log.verifier) == true })
            #expect(refusals.first?.cosignedNote == second.serialized)
            // Unknown logs, unsigned checkpoints and malformed bodies.
            let stranger = try NoteSigner(name: "example.org/other", type: .ed25519, key: Curve25519.Signing.PrivateKey())
            #expect(try await post(Self.body(old: 0, proof: [], try Self.checkpoint(leaves, signer: stranger))).0 == 404)
            let impostor = try NoteSigner(name: "example.org/log", type: .ed25519, key: Curve25519.Signing.PrivateKey())
            #expect(try await post(Self.body(old: 13, proof: [], try Self.checkpoint(leaves, signer: impostor))).0 == 403)
            #expect(try await post(Self.body(old: 30, proof: [], try Self.checkpoint(leaves, signer: log))).0 == 400)
            for malformed in [
                "", "old 1\n", "old x\n\n" + first.serialized, "old 01\n\n" + first.serialized, "old 8\nnot-base64\n\n" + first.serialized,
            ] {
                #expect(try await post(malformed).0 == 400, "\(malformed)")
            }
            let huge = "old 0\n" + String(repeating: "A", count: Witness.maximumBody)
            #expect(try await post(huge).0 == 413)
            // Its state did not move through any of this.
            #expect(try await WitnessRepository(sql: database.sql).state(of: "example.org/log")?.size == 13)
        }
    }

    @Test func theEvidenceCarriesTwoWitnessesCosignaturesAndAnAlteredOneIsRefused() async throws {
        let clock = ManualClock()
        let config = TestApp.config(try TestDatabase.freshLocation(), demo: true)
        let identity = try SigningKeyStore(directory: URL(fileURLWithPath: config.keyDirectory)).loadOrCreate(
            subject: try SigningIdentity.subject(organisation: "OpenIMI"), now: clock.now())
        let logKey = try identity.noteSigner(origin: config.resolvedLogOrigin).verifier
        try await Self.withWitness(name: "dk.example/witness", logs: [logKey]) { first, firstPort, _ in
            try await Self.withWitness(name: "si.example/witness", logs: [logKey]) { second, secondPort, _ in
                // A third witness that is down: nothing listens on port 1.
                let down = try NoteSigner(name: "down.example/witness", type: .cosignature, key: Curve25519.Signing.PrivateKey())
                var witnessed = config
                witnessed.witnesses = [
                    try WitnessEndpoint(verifier: first, url: "http://127.0.0.1:\(firstPort)"),
                    try WitnessEndpoint(verifier: second, url: "http://127.0.0.1:\(secondPort)/"),
                    try WitnessEndpoint(verifier: down.verifier, url: "http://127.0.0.1:1"),
                ]
                witnessed.witnessQuorum = 2
                witnessed.witnessTimeoutSeconds = 60
                try await TestApp.runOnPlatform(config: witnessed, clock: clock) { client, platform, users in
                    let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
                    let id = try await TestApp.closedDemoRequest(client, dk)
                    let response = try await client.api(.get, "/api/v1/requests/\(id)/evidence", dk)
                    #expect(response.status == .ok)
                    let evidence = response.text
                    let certificate = try platform.keys.current().certificate
                    let keys = [first, second, down.verifier]
                    let summary = try ExchangeEvidenceVerifier(
                        trusted: certificate, witnesses: try WitnessQuorum(witnesses: keys, quorum: 2)
                    )
                    .verify(evidence)
                    #expect(summary.witnessedBy == ["dk.example/witness", "si.example/witness"])
                    // The witness that was down shows as missing, and a quorum of three is not met.
                    #expect(
                        throws: EvidenceVerificationFailure.quorumNotMet(
                            quorum: 3, cosigned: summary.witnessedBy, missing: ["down.example/witness"])
                    ) {
                        try ExchangeEvidenceVerifier(trusted: certificate, witnesses: try WitnessQuorum(witnesses: keys, quorum: 3)).verify(
                            evidence)
                    }
                    // An operator holding the platform key alters a cosignature and signs the evidence again: refused.
                    let jws = try #require(CompactJWS(serialized: evidence))
                    let payload = String(decoding: jws.payload, as: UTF8.self)
                    let cosigned = try #require(summary.checkpoint)
                    let line = try #require(cosigned.signatures(of: second).first)
                    var bytes = line.bytes
                    bytes[30] ^= 1
                    let altered = NoteSignature(name: line.name, keyID: line.keyID, bytes: bytes)
                    let forgedPayload = payload.replacingOccurrences(
                        of: String(line.line.dropLast()), with: String(altered.line.dropLast()))
                    #expect(forgedPayload != payload)
                    let resigned = try CompactJWS.sign(
                        payload: Array(forgedPayload.utf8), type: ExchangeEvidence.type, with: try platform.keys.current())
                    #expect(throws: EvidenceVerificationFailure.cosignatureInvalid(witness: "si.example/witness")) {
                        try ExchangeEvidenceVerifier(trusted: certificate, witnesses: try WitnessQuorum(witnesses: keys, quorum: 2))
                            .verify(resigned.serialized)
                    }
                    // Evidence issued before checkpoints were notes (an ECDSA signature over the earlier
                    // five lines by the evidence's own key) still verifies, without witnesses.
                    let identity = try platform.keys.current()
                    var document = try #require(try JSONSerialization.jsonObject(with: Data(jws.payload)) as? [String: Any])
                    var log = try #require(document["log"] as? [String: Any])
                    var statement = try #require(log["checkpoint"] as? [String: Any])
                    let size = try #require(statement["treeSize"] as? Int)
                    let root = try #require(statement["rootHash"] as? String)
                    let at = try #require(statement["at"] as? Int)
                    let text = "OpenIMI access log checkpoint\n\(size)\n\(root)\n\(at)\n\(identity.keyID)\n"
                    statement = statement.filter { ["treeSize", "rootHash", "at", "keyId"].contains($0.key) }
                    statement["signature"] = Base64URL.encode(
                        Array(try identity.privateKey.signature(for: Data(text.utf8)).derRepresentation))
                    log["checkpoint"] = statement
                    document["log"] = log
                    let legacy = try CompactJWS.sign(
                        payload: Array(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])),
                        type: ExchangeEvidence.type,
                        with: identity)
                    #expect(try ExchangeEvidenceVerifier(trusted: certificate).verify(legacy.serialized).treeSize == Int64(size))
                    #expect(throws: EvidenceVerificationFailure.self) {
                        try ExchangeEvidenceVerifier(trusted: certificate, witnesses: try WitnessQuorum(witnesses: keys, quorum: 1))
                            .verify(legacy.serialized)
                    }
                    // The operators see both cosignatures and the witness that is down.
                    let operatorBrowser = try await RequestPagesTests.Browser.signIn(client, users["operator"]!, clock: clock)
                    let page = try await operatorBrowser.get("/access-log")
                    #expect(page.status == .ok)
                    #expect(
                        page.text.contains("dk.example/witness") && page.text.contains("down.example/witness")
                            && page.text.contains("could not be reached"))
                    #expect(page.text.contains(logKey.vkey) && page.text.contains("id=\"no-alarms\""))
                    let handler = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
                    #expect(try await handler.get("/access-log").status == .forbidden)
                }
            }
        }
    }
}

extension WitnessTests {
    /// Copies a key directory as another server holding the same keys would have it.
    static func copyKeys(_ from: String, to: String) throws {
        try FileManager.default.copyItem(atPath: from, toPath: to)
        let enumerator = FileManager.default.enumerator(atPath: to)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: to)
        while let item = enumerator?.nextObject() as? String {
            let path = (to as NSString).appendingPathComponent(item)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            try FileManager.default.setAttributes([.posixPermissions: isDirectory.boolValue ? 0o700 : 0o600], ofItemAtPath: path)
        }
    }

    @Test func aSecondHistoryShownToAWitnessRaisesAnAlarmForTheOperators() async throws {
        let clock = ManualClock()
        let first = TestApp.config(try TestDatabase.freshLocation(), demo: true)
        var copied = TestApp.config(try TestDatabase.freshLocation(), demo: true)
        let identity = try SigningKeyStore(directory: URL(fileURLWithPath: first.keyDirectory)).loadOrCreate(
            subject: try SigningIdentity.subject(organisation: "OpenIMI"), now: clock.now())
        copied.keyDirectory = first.keyDirectory + "-copy"
        try Self.copyKeys(first.keyDirectory, to: copied.keyDirectory)
        let second = copied
        defer { try? FileManager.default.removeItem(atPath: second.keyDirectory) }
        let logKey = try identity.noteSigner(origin: first.resolvedLogOrigin).verifier
        try await Self.withWitness(name: "dk.example/witness", logs: [logKey]) { witness, port, database in
            let endpoint = try WitnessEndpoint(verifier: witness, url: "http://127.0.0.1:\(port)")
            var shown = first
            shown.witnesses = [endpoint]
            shown.witnessTimeoutSeconds = 60
            try await TestApp.runOnPlatform(config: shown, clock: clock) { _, platform, _ in
                let checkpoint = try #require(try await platform.checkpointer.checkpoint(now: clock.now(), force: true))
                #expect(try platform.checkpointer.witnessingStatement().witnesses.evaluate(checkpoint.note).cosigned.count == 1)
            }
            // The same log key and origin, another history: the witness refuses it and the platform raises an alarm.
            var other = second
            other.witnesses = [endpoint]
            other.witnessTimeoutSeconds = 60
            try await TestApp.runOnPlatform(config: other, clock: clock) { client, platform, users in
                let checkpoint = try #require(try await platform.checkpointer.checkpoint(now: clock.now(), force: true))
                #expect(try platform.checkpointer.witnessingStatement().witnesses.evaluate(checkpoint.note).cosigned.count == 0)
                let alarms = try await LogAlarmRepository(sql: platform.database.sql).recent()
                #expect(alarms.contains { $0.source == "dk.example/witness" && ["split-view", "inconsistent-log"].contains($0.kind) })
                let page = try await RequestPagesTests.Browser.signIn(client, users["operator"]!, clock: clock).get("/access-log")
                #expect(page.text.contains("class=\"alarm\"") && page.text.contains("dk.example/witness"))
            }
            #expect(!(try await WitnessRepository(sql: database.sql).refusals()).isEmpty)
        }
    }
}
