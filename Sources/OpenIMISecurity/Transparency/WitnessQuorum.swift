/// Which witnesses' cosignatures a checkpoint needs: their keys and how many of them must have
/// cosigned for it to count.
public struct WitnessQuorum: Sendable, Hashable {
    /// The trusted witnesses' keys (`cosignature/v1`).
    public let witnesses: [NoteVerifier]
    /// How many valid cosignatures are needed; 0 when witnessing is not required.
    public let quorum: Int

    /// A policy of `quorum` among `witnesses`; throws when the quorum cannot be met by them.
    public init(witnesses: [NoteVerifier], quorum: Int) throws(NoteError) {
        guard witnesses.allSatisfy({ $0.type == .cosignature }) else { throw .malformedKey("a witness key must be of type 0x04") }
        guard Set(witnesses.map(\.name)).count == witnesses.count else { throw .malformedKey("a witness is named twice") }
        guard quorum >= 0, quorum <= witnesses.count else {
            throw .malformedKey("a quorum of \(quorum) cannot be met by \(witnesses.count) witness key(s)")
        }
        self.witnesses = witnesses
        self.quorum = quorum
    }

    /// No witnesses.
    public static let none = try! WitnessQuorum(witnesses: [], quorum: 0)

    /// What the witnesses' cosignatures on a note show.
    public struct Outcome: Sendable, Hashable {
        /// The witnesses whose cosignature verifies, by name.
        public let cosigned: [String]
        /// The witnesses with a cosignature that does not verify: altered or forged.
        public let invalid: [String]
        /// The witnesses without a cosignature.
        public let missing: [String]
        /// The quorum asked for.
        public let quorum: Int

        /// Whether enough witnesses cosigned and no known witness's cosignature is invalid.
        public var isMet: Bool { invalid.isEmpty && cosigned.count >= quorum }
    }

    /// Checks every trusted witness's cosignature on `note`; signatures of unknown keys are ignored.
    /// Without a note (a checkpoint signed before notes), every witness is missing.
    public func evaluate(_ note: SignedNote?) -> Outcome {
        let note = note ?? SignedNote(text: "", signatures: [])
        var cosigned: [String] = []
        var invalid: [String] = []
        var missing: [String] = []
        for witness in witnesses {
            let lines = note.signatures(of: witness)
            if lines.isEmpty {
                missing.append(witness.name)
            } else if lines.allSatisfy({ witness.verifies($0, over: note.text) }) {
                cosigned.append(witness.name)
            } else {
                invalid.append(witness.name)
            }
        }
        return Outcome(cosigned: cosigned, invalid: invalid, missing: missing, quorum: quorum)
    }
}
