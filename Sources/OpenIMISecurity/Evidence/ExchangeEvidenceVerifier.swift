import Crypto
import Foundation
import SwiftASN1
import X509

/// Verifies an exchange's signed JSON evidence offline, with nothing but the file and a trusted
/// certificate: the certificate, the signature, every log entry's inclusion proof against the signed
/// checkpoint, and the content hashes against what the log recorded.
public struct ExchangeEvidenceVerifier: Sendable {
    /// What a verified report shows.
    public struct Summary: Sendable, Equatable {
        /// What the evidence is of: `request` or `alert`.
        public let kind: String
        /// The request's or alert's id.
        public let request: String
        /// Log entries proved.
        public let entries: Int
        /// The checkpoint's tree size.
        public let treeSize: Int64
        /// The signing key's id.
        public let keyID: String
        /// The certificate the evidence was signed with.
        public let signer: Certificate
        /// The checkpoint as a signed note, with its cosignatures; nil in evidence issued before notes.
        public let checkpoint: SignedNote?
        /// The trusted witnesses whose cosignature verified.
        public let witnessedBy: [String]
        /// The proved log entries.
        public let logEntries: [LogEntry]
    }

    /// The certificate reports must be signed with, or the one that issued it.
    public let trusted: Certificate
    /// The witnesses whose cosignatures are checked and how many are required.
    public let witnesses: WitnessQuorum

    /// Trusts `trusted`, and requires `witnesses`' quorum.
    public init(trusted: Certificate, witnesses: WitnessQuorum = .none) {
        self.trusted = trusted
        self.witnesses = witnesses
    }

    /// Verifies the compact JWS `text`.
    public func verify(_ text: String) throws(EvidenceVerificationFailure) -> Summary {
        guard let jws = CompactJWS(serialized: text) else { throw .malformed("not a compact JWS") }
        guard let header = try? JSONSerialization.jsonObject(with: Data(jws.header)) as? [String: Any],
            header["alg"] as? String == "ES256", let chain = header["x5c"] as? [String], let first = chain.first,
            let der = Data(base64Encoded: first), let certificate = try? Certificate(derEncoded: Array(der)),
            let key = P256.Signing.PublicKey(certificate.publicKey)
        else { throw .malformed("the header lacks an ES256 algorithm or a P-256 certificate") }
        guard certificate == trusted || trusted.publicKey.isValidSignature(certificate.signature, for: certificate) else {
            throw .untrustedCertificate
        }
        guard certificate.allowsDigitalSignatures else { throw .certificateMayNotSign }
        guard jws.isSigned(by: key) else { throw .signatureInvalid }
        let keyID = SigningIdentity.keyID(of: key)
        // An alert's evidence has the same shape, with the alert in place of the request and its
        // content written as `contents`.
        let payloadObject = try? JSONSerialization.jsonObject(with: Data(jws.payload)) as? [String: Any]
        let kind = payloadObject?["alert"] != nil ? "alert" : "request"
        guard let payload = payloadObject,
            let request = payload[kind] as? [String: Any], let requestID = request["id"] as? String,
            let log = payload["log"] as? [String: Any], let entries = log["entries"] as? [[String: Any]],
            let proofs = log["proofs"] as? [[String: Any]], entries.count == proofs.count,
            let (checkpoint, logKey) = Self.checkpoint(log["checkpoint"])
        else { throw .malformed("the payload lacks the request, its log entries or the checkpoint") }
        // The evidence's signature vouches for the log key it names; the key must be the log's (its
        // name the origin) and have signed the checkpoint. Evidence issued before checkpoints were
        // notes carries the checkpoint's ECDSA signature by the evidence's own key instead.
        let signed =
            if let logKey { logKey.name == checkpoint.head?.origin && checkpoint.isSigned(by: logKey) } else {
                checkpoint.isLegacySigned(by: key)
            }
        guard checkpoint.keyID == keyID, signed else { throw .checkpointSignatureInvalid }
        let outcome = witnesses.evaluate(checkpoint.note)
        if let witness = outcome.invalid.first { throw .cosignatureInvalid(witness: witness) }
        guard outcome.cosigned.count >= witnesses.quorum else {
            throw .quorumNotMet(quorum: witnesses.quorum, cosigned: outcome.cosigned, missing: outcome.missing)
        }
        var parsed: [LogEntry] = []
        for (object, proof) in zip(entries, proofs) {
            guard let entry = Self.entry(object), let path = (proof["path"] as? [String])?.compactMap(ContentDigest.bytes(hex:)),
                (proof["seq"] as? NSNumber)?.int64Value == entry.sequence
            else { throw .malformed("a log entry or proof is incomplete") }
            guard entry.request == requestID else { throw .entryOfAnotherRequest(sequence: entry.sequence) }
            guard
                MerkleTree.verifyInclusion(
                    leaf: entry.hash, index: Int(entry.sequence), treeSize: Int(checkpoint.treeSize), proof: path, root: checkpoint.rootHash
                )
            else { throw .inclusionProofInvalid(sequence: entry.sequence) }
            parsed.append(entry)
        }
        try Self.checkContent(payload["content"], against: parsed, personalField: kind == "alert" ? "contents" : "subject")
        return Summary(
            kind: kind, request: requestID, entries: parsed.count, treeSize: checkpoint.treeSize, keyID: keyID, signer: certificate,
            checkpoint: checkpoint.note, witnessedBy: outcome.cosigned, logEntries: parsed)
    }

    /// The personal data's hash must be the last one written, and each attachment's the one logged when it was attached.
    private static func checkContent(
        _ value: Any?, against entries: [LogEntry], personalField: String
    ) throws(EvidenceVerificationFailure) {
        guard let content = value as? [String: Any], let personal = content["personalDataSha256"] as? String,
            let attachments = content["attachments"] as? [[String: Any]]
        else { throw .malformed("the payload lacks its content hashes") }
        let written = entries.filter { $0.operation == "write" && $0.fields.contains(personalField) }
        guard written.last?.digest == personal else { throw .contentHashMismatch("the personal data") }
        for attachment in attachments {
            guard let id = attachment["id"] as? String, let sha256 = attachment["sha256"] as? String else {
                throw .malformed("an attachment lacks its id or hash")
            }
            guard entries.contains(where: { $0.operation == "write" && $0.fields == ["attachments/\(id)"] && $0.digest == sha256 }) else {
                throw .contentHashMismatch("attachment \(id)")
            }
        }
    }

    /// The checkpoint and the log key the evidence names (no key in evidence issued before
    /// checkpoints were notes); its note must state the tree size and root given beside it.
    private static func checkpoint(_ value: Any?) -> (LogCheckpoint, NoteVerifier?)? {
        guard let object = value as? [String: Any], let size = (object["treeSize"] as? NSNumber)?.int64Value,
            let root = (object["rootHash"] as? String).flatMap(ContentDigest.bytes(hex:)), let at = (object["at"] as? NSNumber)?.int64Value,
            let keyID = object["keyId"] as? String
        else { return nil }
        if let signature = (object["signature"] as? String).flatMap(Base64URL.decode), object["note"] == nil {
            return (LogCheckpoint(legacy: size, rootHash: root, at: at, keyID: keyID, signature: signature), nil)
        }
        guard let text = object["note"] as? String, let note = try? SignedNote(parsing: text),
            let logKey = (object["logKey"] as? String).flatMap({ try? NoteVerifier(vkey: $0) }), logKey.type == .ed25519,
            let checkpoint = try? LogCheckpoint(note: note, at: at, keyID: keyID), checkpoint.treeSize == size, checkpoint.rootHash == root
        else { return nil }
        return (checkpoint, logKey)
    }

    /// The checkpoint note and the log entries an evidence file (compact JWS) holds, read without
    /// checking its signature: for `openimi verify-log`, which checks the note against the
    /// platform's keys and the entries against the log.
    public static func heldCheckpoint(in text: String) -> (note: SignedNote, entries: [LogEntry])? {
        guard let jws = CompactJWS(serialized: text),
            let payload = try? JSONSerialization.jsonObject(with: Data(jws.payload)) as? [String: Any],
            let log = payload["log"] as? [String: Any], let checkpoint = log["checkpoint"] as? [String: Any],
            let note = (checkpoint["note"] as? String).flatMap({ try? SignedNote(parsing: $0) })
        else { return nil }
        let entries = (log["entries"] as? [[String: Any]] ?? []).compactMap(entry)
        return (note, entries)
    }

    private static func entry(_ object: [String: Any]) -> LogEntry? {
        guard let sequence = (object["seq"] as? NSNumber)?.int64Value, let id = object["id"] as? String,
            let at = (object["at"] as? NSNumber)?.int64Value, let user = object["user"] as? String,
            let organisation = object["organisation"] as? String, let request = object["request"] as? String,
            let operation = object["operation"] as? String, let purpose = object["purpose"] as? String,
            let fields = object["fields"] as? [String], let previous = object["previous"] as? String
        else { return nil }
        return LogEntry(
            sequence: sequence, id: id, at: at, user: user, organisation: organisation, request: request, operation: operation,
            purpose: purpose, fields: fields, digest: object["digest"] as? String, previous: previous)
    }
}
