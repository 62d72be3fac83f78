import Crypto
import Foundation

/// SHA-256 digests of stored content, in lowercase hexadecimal.
public enum ContentDigest {
    /// The SHA-256 of `bytes`.
    public static func sha256<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
