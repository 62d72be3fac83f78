import Foundation
import HummingbirdOTP

/// Time-based one-time codes (RFC 6238): SHA-1, 30-second steps, 6 digits, one step of drift.
public struct OneTimeCode: Sendable {
    /// Seconds per step.
    public static let step = 30
    /// Digits per code.
    public static let digits = 6
    /// The shared secret as the authenticator app receives it (its bytes are the HMAC key).
    public let secret: String

    /// Uses an existing secret.
    public init(secret: String) {
        self.secret = secret
    }

    /// A new random secret of 20 characters (the RFC's 160-bit key length).
    public static func newSecret(random: any SecureRandom) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789")
        return String(random.bytes(20).map { alphabet[Int($0) % alphabet.count] })
    }

    /// The step number of `date`.
    public static func stepNumber(at date: Date) -> Int64 {
        Int64(floor(date.timeIntervalSince1970 / Double(step)))
    }

    /// The code for `date`, zero-padded, with `digits` digits.
    public func code(at date: Date, digits: Int = OneTimeCode.digits) -> String {
        let value = TOTP(secret: secret, length: digits, timeStep: Self.step, hashFunction: .sha1).compute(date: date)
        let text = String(value)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The step `code` belongs to when it is valid at `date` (± one step) and newer than
    /// `lastUsedStep`; nil otherwise. Accepting only newer steps refuses replays.
    public func acceptedStep(for code: String, at date: Date, lastUsedStep: Int64?) -> Int64? {
        let trimmed = code.filter { !$0.isWhitespace }
        guard trimmed.count == Self.digits, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) else { return nil }
        let now = Self.stepNumber(at: date)
        for step in [now - 1, now, now + 1] where step > (lastUsedStep ?? Int64.min) {
            let instant = Date(timeIntervalSince1970: Double(step) * Double(Self.step))
            if constantTimeEquals(self.code(at: instant), trimmed) { return step }
        }
        return nil
    }

    /// The secret in base32, as typed into an authenticator app.
    public var base32Secret: String {
        Base32.encode(Array(secret.utf8))
    }

    /// The `otpauth://` URI an authenticator app scans.
    public func provisioningURI(account: String, issuer: String) -> String {
        var components = URLComponents()
        components.scheme = "otpauth"
        components.host = "totp"
        components.path = "/\(issuer):\(account)"
        components.queryItems = [
            URLQueryItem(name: "secret", value: base32Secret), URLQueryItem(name: "issuer", value: issuer),
            URLQueryItem(name: "algorithm", value: "SHA1"), URLQueryItem(name: "digits", value: "\(Self.digits)"),
            URLQueryItem(name: "period", value: "\(Self.step)"),
        ]
        return components.string ?? ""
    }
}

/// Compares two strings in time that does not depend on where they differ.
public func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
    let a = Array(lhs.utf8), b = Array(rhs.utf8)
    guard a.count == b.count else { return false }
    var difference: UInt8 = 0
    for index in a.indices { difference |= a[index] ^ b[index] }
    return difference == 0
}
