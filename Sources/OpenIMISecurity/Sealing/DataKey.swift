import Crypto
import Foundation

/// One request's data key: AES-256-GCM over its personal data, comments and attachments. Each
/// value is bound to where it belongs (`context`, e.g. the request and field), so a ciphertext
/// copied to another row or field does not open. Destroying the key makes them unrecoverable.
public struct DataKey: Sendable {
    /// The prefix of sealed text: sealed values are told from plaintext written before sealing existed.
    public static let textPrefix = "sealed:v1:"
    /// The first bytes of a sealed blob (no PDF, PNG or JPEG starts so).
    public static let blobPrefix: [UInt8] = Array("OIMS1".utf8)

    let key: SymmetricKey

    /// Uses `bytes` (32).
    init(bytes: [UInt8]) {
        key = SymmetricKey(data: bytes)
    }

    /// Uses `symmetric` directly (a master key sealing short-lived records).
    init(symmetric: SymmetricKey) {
        key = symmetric
    }

    /// `text` sealed for `context`, as `sealed:v1:` and base64.
    public func seal(_ text: String, context: String) throws -> String {
        Self.textPrefix
            + (try AES.GCM.seal(Data(text.utf8), using: key, authenticating: Data(context.utf8)).combined!).base64EncodedString()
    }

    /// The text sealed by `seal` for the same `context`.
    public func open(_ sealed: String, context: String) throws(SealingError) -> String {
        guard sealed.hasPrefix(Self.textPrefix), let data = Data(base64Encoded: String(sealed.dropFirst(Self.textPrefix.count))) else {
            throw .notSealed
        }
        return String(decoding: try open(data, context: context), as: UTF8.self)
    }

    /// `blob` sealed for `context`, behind `blobPrefix`.
    public func seal(blob: Data, context: String) throws -> Data {
        Data(Self.blobPrefix) + (try AES.GCM.seal(blob, using: key, authenticating: Data(context.utf8)).combined!)
    }

    /// The blob sealed by `seal(blob:context:)` for the same `context`.
    public func open(blob: Data, context: String) throws(SealingError) -> Data {
        guard blob.starts(with: Self.blobPrefix) else { throw .notSealed }
        return try open(blob.dropFirst(Self.blobPrefix.count), context: context)
    }

    /// A keyed digest of `text` for `context` (HMAC-SHA256 under a key derived from this data key,
    /// hex): it lets the platform recognise a value while the request's data exist, cannot be
    /// tested against guesses without the key, and means nothing once the key is destroyed.
    public func digest(_ text: String, context: String) -> String {
        KeyedDigest.hex(text, key: key, purpose: "openimi digest v1 \(context)")
    }

    /// Whether `text` is sealed.
    public static func isSealed(_ text: String) -> Bool { text.hasPrefix(textPrefix) }

    private func open(_ combined: Data, context: String) throws(SealingError) -> Data {
        do {
            return try AES.GCM.open(try AES.GCM.SealedBox(combined: combined), using: key, authenticating: Data(context.utf8))
        } catch {
            throw .cannotOpen
        }
    }
}
