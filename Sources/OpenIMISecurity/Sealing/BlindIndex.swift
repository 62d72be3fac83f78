import Crypto
import Foundation

/// Keyed hashes of search keys (HMAC-SHA-256, first 16 bytes in hex): equal keys give equal
/// tokens, so a token finds its requests, while the tokens reveal nothing to whoever lacks the key.
public struct BlindIndex: Sendable {
    let key: SymmetricKey

    /// An index under `key` (a data key kept for the index, wrapped by the master key).
    public init(key: DataKey) {
        self.key = key.key
    }

    /// The token of `searchKey`.
    public func token(_ searchKey: String) -> String {
        ContentDigest.hex(Array(HMAC<SHA256>.authenticationCode(for: Data(searchKey.utf8), using: key)).prefix(16))
    }
}
