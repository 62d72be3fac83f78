import Crypto
import Foundation

/// A source of unpredictable bytes, injected so that tests can observe what is generated.
public protocol SecureRandom: Sendable {
    /// `count` random bytes.
    func bytes(_ count: Int) -> [UInt8]
}

/// The operating system's cryptographically secure generator.
public struct SystemSecureRandom: SecureRandom {
    /// Creates the generator.
    public init() {}

    public func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// Opaque random tokens (sessions, API tokens, activation links) and their stored hashes.
public enum OpaqueToken {
    /// A new URL-safe token of 256 bits.
    public static func make(random: any SecureRandom) -> String {
        Base64URL.encode(random.bytes(32))
    }

    /// The SHA-256 of `token` in hex: what is stored, so a database leak reveals no usable token.
    public static func hash(_ token: String) -> String {
        ContentDigest.sha256(Data(token.utf8))
    }
}
