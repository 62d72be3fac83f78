/// One entry of the access log as it is chained and placed in the log's Merkle tree.
///
/// It names who did what to which request's personal data, and when, and carries only identifiers,
/// field names and a digest of the content: deleting the personal data later leaves every entry,
/// and so every checkpoint and proof, as valid as before.
public struct LogEntry: Sendable, Equatable {
    /// The entry's position in the log, from 0; also its leaf index in the Merkle tree.
    public var sequence: Int64
    /// The access-log row's id.
    public var id: String
    /// When, in seconds since 1970.
    public var at: Int64
    /// The user's id.
    public var user: String
    /// The user's organisation's id.
    public var organisation: String
    /// The request's id.
    public var request: String
    /// "read" or "write".
    public var operation: String
    /// The page, API resource or step it was done for.
    public var purpose: String
    /// The fields read or written.
    public var fields: [String]
    /// SHA-256 (hex) of the content read or written, where there is one.
    public var digest: String?
    /// The hash (hex) of the entry before, 64 zeros for the first: the chain.
    public var previous: String

    /// The `previous` of the first entry.
    public static let origin = String(repeating: "0", count: 64)

    /// Creates an entry.
    public init(
        sequence: Int64, id: String, at: Int64, user: String, organisation: String, request: String, operation: String, purpose: String,
        fields: [String], digest: String?, previous: String
    ) {
        self.sequence = sequence
        self.id = id
        self.at = at
        self.user = user
        self.organisation = organisation
        self.request = request
        self.operation = operation
        self.purpose = purpose
        self.fields = fields
        self.digest = digest
        self.previous = previous
    }

    /// The entry in the RFC 8785 canonical form that is hashed.
    public var canonical: CanonicalJSON {
        .object([
            "seq": .integer(sequence), "id": .string(id), "at": .integer(at), "user": .string(user),
            "organisation": .string(organisation), "request": .string(request), "operation": .string(operation),
            "purpose": .string(purpose), "fields": .array(fields.map(CanonicalJSON.string)),
            "digest": digest.map(CanonicalJSON.string) ?? .null, "previous": .string(previous),
        ])
    }

    /// The canonical form's bytes, written directly with the members in their canonical order
    /// (equal to `canonical.bytes`, which a test checks): verifying a long log hashes every entry.
    public var canonicalBytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        func name(_ name: String, first: Bool = false) {
            if !first { output.append(UInt8(ascii: ",")) }
            CanonicalJSON.appendString(name, to: &output)
            output.append(UInt8(ascii: ":"))
        }
        output.append(UInt8(ascii: "{"))
        name("at", first: true)
        output.append(contentsOf: String(at).utf8)
        name("digest")
        if let digest { CanonicalJSON.appendString(digest, to: &output) } else { output.append(contentsOf: "null".utf8) }
        name("fields")
        output.append(UInt8(ascii: "["))
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            CanonicalJSON.appendString(field, to: &output)
        }
        output.append(UInt8(ascii: "]"))
        for (key, value) in [
            ("id", id), ("operation", operation), ("organisation", organisation), ("previous", previous), ("purpose", purpose),
            ("request", request),
        ] {
            name(key)
            CanonicalJSON.appendString(value, to: &output)
        }
        name("seq")
        output.append(contentsOf: String(sequence).utf8)
        name("user")
        CanonicalJSON.appendString(user, to: &output)
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// The entry's hash: its RFC 6962 leaf hash, which the next entry names as `previous`.
    public var hash: MerkleTree.Hash { MerkleTree.leafHash(canonicalBytes) }
}
