import Foundation
import OpenIMIPersistence

/// Where and as whom notification e-mails are sent; absent, messages wait in the outbox.
public struct MailSettings: Sendable, Hashable {
    /// The SMTP relay's host.
    public var smtpHost: String
    /// The SMTP relay's port.
    public var smtpPort: Int
    /// The sender address.
    public var from: String

    /// Creates mail settings.
    public init(smtpHost: String, smtpPort: Int = 25, from: String) {
        self.smtpHost = smtpHost
        self.smtpPort = smtpPort
        self.from = from
    }
}
