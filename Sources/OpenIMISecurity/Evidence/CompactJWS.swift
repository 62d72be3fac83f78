import Crypto
import Foundation
import SwiftASN1
import X509

/// A JSON Web Signature (RFC 7515) in compact serialisation, signed ES256 (ECDSA P-256 with
/// SHA-256, RFC 7518 §3.4) by the platform key, with the key's certificate in `x5c`.
public struct CompactJWS: Sendable, Equatable {
    /// The protected header's bytes (JSON).
    public let header: [UInt8]
    /// The payload's bytes.
    public let payload: [UInt8]
    /// The raw 64-byte r ‖ s signature.
    public let signature: [UInt8]

    /// The serialised form: `BASE64URL(header).BASE64URL(payload).BASE64URL(signature)`.
    public var serialized: String { [header, payload, signature].map(Base64URL.encode).joined(separator: ".") }

    /// Signs `payload` with `identity`, naming its key in `kid` and carrying its certificate in `x5c`.
    public static func sign(payload: [UInt8], type: String, with identity: SigningIdentity) throws -> CompactJWS {
        var serializer = DER.Serializer()
        try serializer.serialize(identity.certificate)
        let header = CanonicalJSON.object([
            "alg": .string("ES256"), "kid": .string(identity.keyID), "typ": .string(type),
            "x5c": .array([.string(Data(serializer.serializedBytes).base64EncodedString())]),
        ]).bytes
        let signingInput = Base64URL.encode(header) + "." + Base64URL.encode(payload)
        let signature = try identity.privateKey.signature(for: Data(signingInput.utf8))
        return CompactJWS(header: header, payload: payload, signature: Array(signature.rawRepresentation))
    }

    /// Parses the compact form; nil when it is not three base64url parts.
    public init?(serialized: String) {
        let parts = serialized.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(String(parts[0])), let payload = Base64URL.decode(String(parts[1])),
            let signature = Base64URL.decode(String(parts[2]))
        else { return nil }
        self.init(header: header, payload: payload, signature: signature)
    }

    /// Creates a JWS from its parts.
    public init(header: [UInt8], payload: [UInt8], signature: [UInt8]) {
        self.header = header
        self.payload = payload
        self.signature = signature
    }

    /// Whether `signature` is `publicKey`'s ES256 signature over the signing input.
    public func isSigned(by publicKey: P256.Signing.PublicKey) -> Bool {
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
        return publicKey.isValidSignature(signature, for: Data((Base64URL.encode(header) + "." + Base64URL.encode(payload)).utf8))
    }
}

/// Base64url without padding (RFC 7515 §2).
public enum Base64URL {
    /// `bytes` in base64url without padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of base64url `text` without padding, or nil. Only the canonical form is accepted:
    /// the unused bits of the last character must be zero, so that no two texts decode to the same
    /// bytes and a changed character is always a changed value (RFC 4648 §3.5).
    public static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.count % 4 != 1, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let bytes = Data(base64Encoded: base64).map(Array.init), encode(bytes) == text else { return nil }
        return bytes
    }
}
