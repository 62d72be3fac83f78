/// One signature line of a signed note: `— <key name> base64(key id ‖ signature)`.
public struct NoteSignature: Sendable, Hashable {
    /// The signing key's name.
    public let name: String
    /// The signing key's 4-byte id (big-endian in the line).
    public let keyID: UInt32
    /// What follows the key id: the signature, for cosignatures preceded by an 8-byte timestamp.
    public let bytes: [UInt8]

    /// A signature from its parts.
    public init(name: String, keyID: UInt32, bytes: [UInt8]) {
        self.name = name
        self.keyID = keyID
        self.bytes = bytes
    }

    /// The line, with its final newline.
    public var line: String {
        let id: [UInt8] = [UInt8(keyID >> 24), UInt8(keyID >> 16 & 0xFF), UInt8(keyID >> 8 & 0xFF), UInt8(keyID & 0xFF)]
        return "\u{2014} \(name) \(Base64.encode(id + bytes))\n"
    }

    /// Parses one line without its newline; nil when it is not a signature line.
    init?(line: Substring) {
        guard line.hasPrefix("\u{2014} ") else { return nil }
        let rest = line.dropFirst(2)
        guard let space = rest.lastIndex(of: " ") else { return nil }
        let name = rest[..<space]
        guard NoteVerifier.isValidName(name), let blob = Base64.decode(String(rest[rest.index(after: space)...])), blob.count > 4
        else { return nil }
        self.name = String(name)
        keyID = blob.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
        bytes = Array(blob.dropFirst(4))
    }
}
