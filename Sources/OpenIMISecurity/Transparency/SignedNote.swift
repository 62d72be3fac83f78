/// A signed note (c2sp.org/signed-note): a text ending in a newline, a blank line, and one or more
/// signature lines.
public struct SignedNote: Sendable, Hashable {
    /// The largest note read: a checkpoint with a few dozen signatures fits many times over.
    public static let maximumSize = 16_384
    /// The most signature lines read (the format asks verifiers to accept at least 16).
    public static let maximumSignatures = 64

    /// The signed text, with its final newline.
    public let text: String
    /// The signatures, in order.
    public private(set) var signatures: [NoteSignature]

    /// A note from its text and signatures.
    public init(text: String, signatures: [NoteSignature]) {
        self.text = text
        self.signatures = signatures
    }

    /// Parses `serialized`, bounded in size and in signatures.
    public init(parsing serialized: String) throws(NoteError) {
        guard serialized.utf8.count <= Self.maximumSize else { throw .malformedNote("larger than \(Self.maximumSize) bytes") }
        guard !serialized.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else {
            throw .malformedNote("it holds a control character")
        }
        guard serialized.hasSuffix("\n") else { throw .malformedNote("it does not end in a newline") }
        // The text ends at the last blank line; what follows are signature lines.
        guard let blank = serialized.range(of: "\n\n", options: .backwards) else {
            throw .malformedNote("no blank line before the signatures")
        }
        let text = String(serialized[..<blank.lowerBound]) + "\n"
        let lines = serialized[blank.upperBound...].dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty, lines.count <= Self.maximumSignatures else {
            throw .malformedNote("1 to \(Self.maximumSignatures) signatures expected")
        }
        var signatures: [NoteSignature] = []
        for line in lines {
            guard let signature = NoteSignature(line: line) else { throw .malformedNote("a signature line is malformed") }
            signatures.append(signature)
        }
        self.init(text: text, signatures: signatures)
    }

    /// The note as text: the text, a blank line, the signature lines.
    public var serialized: String { text + "\n" + signatures.map(\.line).joined() }

    /// The signatures whose name and key id are `verifier`'s (whether or not they verify).
    public func signatures(of verifier: NoteVerifier) -> [NoteSignature] {
        signatures.filter { $0.name == verifier.name && $0.keyID == verifier.keyID }
    }

    /// Whether `verifier` has a signature on the note and every one of its signatures verifies.
    public func isSigned(by verifier: NoteVerifier) -> Bool {
        let own = signatures(of: verifier)
        return !own.isEmpty && own.allSatisfy { verifier.verifies($0, over: text) }
    }

    /// Adds `signature` unless the same key already signed.
    public mutating func add(_ signature: NoteSignature) {
        guard !signatures.contains(where: { $0.name == signature.name && $0.keyID == signature.keyID }) else { return }
        signatures.append(signature)
    }
}
