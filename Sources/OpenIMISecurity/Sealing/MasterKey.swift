import Crypto
import Foundation

/// The key that wraps every request's data key (AES-256-GCM key wrapping). It never encrypts
/// personal data itself, so replacing it means re-wrapping data keys, not re-encrypting data.
public struct MasterKey: Sendable {
    /// The first 16 hexadecimal digits of the SHA-256 of the key, stored beside each wrapped key.
    public let id: String
    let key: SymmetricKey

    /// Uses the 32 bytes `bytes`.
    public init(bytes: [UInt8]) throws(SecretBoxError) {
        guard bytes.count == 32 else { throw .invalidKeyLength(bytes.count) }
        key = SymmetricKey(data: bytes)
        id = String(ContentDigest.sha256(Data(bytes)).prefix(16))
    }
}
