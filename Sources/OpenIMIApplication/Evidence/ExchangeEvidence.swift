import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// The signed JSON evidence of one exchange: the request's parties and steps, hashes of its
/// content, the log entries that concern it, and each entry's inclusion proof against a signed
/// checkpoint. It holds no personal data: comments and content appear only as SHA-256 digests.
public struct ExchangeEvidence: Sendable {
    /// The JWS `typ` of the evidence.
    public static let type = "openimi-exchange-evidence+jws"

    /// One log entry of the exchange with its audit path.
    public typealias ProvedEntry = ProvedLogEntry

    /// The request.
    public let request: InformationRequest
    /// Its attachments.
    public let attachments: [RequestAttachment]
    /// Its log entries, oldest first, each proved.
    public let entries: [ProvedEntry]
    /// The checkpoint the proofs lead to.
    public let checkpoint: LogCheckpoint
    /// The log's note key that signed the checkpoint, and the witnesses asked to cosign it.
    public let witnessing: Witnessing
    /// When the evidence was issued.
    public let issuedAt: Date

    /// The payload, in RFC 8785 canonical form.
    public var payload: CanonicalJSON {
        func id(_ uuid: UUID) -> CanonicalJSON { .string(uuid.uuidString.lowercased()) }
        func time(_ date: Date?) -> CanonicalJSON { date.map { .integer(Int64($0.timeIntervalSince1970)) } ?? .null }
        let steps: [CanonicalJSON] = request.steps.enumerated().map { position, step in
            .object([
                "position": .integer(Int64(position)), "action": step.action.map { .string($0.rawValue) } ?? .null,
                "from": step.from.map { .string($0.rawValue) } ?? .null, "to": .string(step.to.rawValue), "at": time(step.at),
                "user": id(step.actor.userID.uuid), "organisation": id(step.actor.organisationID),
                "commentSha256": step.comment.map { .string(ContentDigest.sha256(Data($0.utf8))) } ?? .null,
            ])
        }
        return .object([
            "type": .string("openimi.exchange-evidence"), "version": .integer(1), "issuedAt": time(issuedAt),
            "request": .object([
                "id": id(request.id.uuid), "number": .string(request.number.description), "procedure": .string(request.procedure.rawValue),
                "legalArea": .string(request.legalArea.rawValue),
                "state": .string(request.state.rawValue), "requester": id(request.involvement.requester.uuid),
                "responder": id(request.involvement.responder.uuid),
                "earlierResponders": .array(request.involvement.earlierResponders.map { id($0.uuid) }),
                "referredTo": request.involvement.referredTo.map { id($0.uuid) } ?? .null,
                "formalClosureAt": time(request.formalClosureDate),
                "steps": .array(steps),
            ]),
            "content": .object([
                "personalDataSha256": .string(RequestRecord.personalDataDigest(of: request)),
                "attachments": .array(
                    attachments.map {
                        .object([
                            "id": id($0.id), "mediaType": .string($0.mediaType.rawValue), "size": .integer(Int64($0.size)),
                            "sha256": .string($0.sha256),
                        ])
                    }),
            ]),
            "log": Self.log(entries, checkpoint: checkpoint, witnessing: witnessing),
        ])
    }

    /// The proved entries with the checkpoint they lead to, as the evidence and the supervisory export show them.
    static func log(_ entries: [ProvedEntry], checkpoint: LogCheckpoint, witnessing: Witnessing) -> CanonicalJSON {
        let outcome = witnessing.witnesses.evaluate(checkpoint.note)
        let proofs: [CanonicalJSON] = entries.map {
            .object(["seq": .integer($0.entry.sequence), "path": .array($0.proof.map { .string(ContentDigest.hex($0)) })])
        }
        let witnesses: CanonicalJSON = .object([
            "quorum": .integer(Int64(witnessing.witnesses.quorum)), "cosigned": .array(outcome.cosigned.map { .string($0) }),
            "missing": .array((outcome.missing + outcome.invalid).map { .string($0) }),
        ])
        let note: CanonicalJSON = checkpoint.note.map { .string($0.serialized) } ?? .null
        let statement: CanonicalJSON = .object([
            "treeSize": .integer(checkpoint.treeSize), "rootHash": .string(ContentDigest.hex(checkpoint.rootHash)),
            "at": .integer(checkpoint.at), "keyId": .string(checkpoint.keyID), "note": note,
            "logKey": .string(witnessing.logKey.vkey), "witnesses": witnesses,
        ])
        return .object(["entries": .array(entries.map { $0.entry.canonical }), "proofs": .array(proofs), "checkpoint": statement])
    }
}

extension ExchangeEvidence {
    /// Who vouches for a checkpoint: the log's note key and the witnesses with their quorum.
    public struct Witnessing: Sendable {
        /// The log's note key (its name is the log's origin).
        public let logKey: NoteVerifier
        /// The configured witnesses and the quorum.
        public let witnesses: WitnessQuorum

        /// Creates it from its parts.
        public init(logKey: NoteVerifier, witnesses: WitnessQuorum) {
            self.logKey = logKey
            self.witnesses = witnesses
        }
    }
}
