import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Hashes passwords with bcrypt: slow and salted, so a stolen database does not give them away.
///
/// Each hash and check runs on NIO's blocking thread pool, never on Swift's cooperative pool: a
/// burst of sign-ins (a quarter of a second of work each) then waits for those threads while pages
/// and API calls go on being served.
public struct PasswordHasher: Sendable {
    /// The smallest cost accepted (2^12 rounds).
    public static let minimumCost: UInt8 = 12
    /// The work factor used for new hashes.
    public let cost: UInt8

    /// Creates a hasher; costs below 12 are raised to 12.
    public init(cost: UInt8 = PasswordHasher.minimumCost) {
        self.cost = max(cost, Self.minimumCost)
    }

    private init(unchecked cost: UInt8) {
        self.cost = cost
    }

    /// A hasher of bcrypt's smallest cost (2^4 rounds), for this package's test suites, which create
    /// hundreds of accounts. Its hashes can be guessed quickly: `package` access keeps it out of
    /// reach of any code built on OpenIMI, and no setting selects it.
    package static let forTests = PasswordHasher(unchecked: 4)

    /// The bcrypt hash of `password`, with a fresh salt.
    public func hash(_ password: String) async throws -> String {
        let cost = cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`. With no stored hash it still spends the same time, so a
    /// missing account answers as slowly as a wrong password.
    public func verify(_ password: String, against hash: String?) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive {
            guard let hash else {
                _ = Bcrypt.verify(password, hash: Self.timingHash)
                return false
            }
            return Bcrypt.verify(password, hash: hash)
        }
    }

    // A cost-12 hash of a random string nobody knows, checked when there is no account.
    private static let timingHash = Bcrypt.hash(UUID().uuidString, cost: PasswordHasher.minimumCost)
}
