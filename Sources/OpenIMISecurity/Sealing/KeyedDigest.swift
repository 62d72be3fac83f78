import Crypto
import Foundation

/// HMAC-SHA256 in hex under a key derived (HKDF) from `key` for `purpose`, so that a key that seals
/// can also make digests without the two uses ever sharing key material.
enum KeyedDigest {
    /// The digest of `value`.
    static func hex(_ value: String, key: SymmetricKey, purpose: String) -> String {
        let derived = HKDF<SHA256>.deriveKey(inputKeyMaterial: key, info: Data(purpose.utf8), outputByteCount: 32)
        return ContentDigest.hex(HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: derived))
    }
}
