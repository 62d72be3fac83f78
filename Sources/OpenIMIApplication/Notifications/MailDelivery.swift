import Foundation
import Logging
import OpenIMIDomain
import OpenIMIPersistence

/// The scheduled job that empties the mail outbox over SMTP: each message says, in the recipient's
/// language, that a request changed, with a link to it — never any personal data.
public struct MailDelivery: ScheduledJob {
    public let name = "mail-delivery"
    public let interval: TimeInterval = 60
    public let database: any Database
    public let settings: MailSettings
    public let publicURL: String
    public let catalogs: Catalogs
    public let logger: Logger

    public func run(now: Date) async throws -> String {
        let client = SMTPClient(host: settings.smtpHost, port: settings.smtpPort, heloName: Self.heloName(publicURL))
        var sent = 0
        var failed = 0
        let procedures = try await RegistryRepository(sql: database.sql).procedureNames()
        for message in try await MailOutbox(sql: database.sql).pending() {
            let (subject, body) = render(message, procedures: procedures)
            do {
                try await client.send(from: settings.from, to: message.recipient, subject: subject, body: body, date: now)
                try await database.transaction { sql in try await MailOutbox(sql: sql).markSent(message.id, at: now) }
                sent += 1
            } catch {
                let reason = "\(error)"
                try await database.transaction { sql in try await MailOutbox(sql: sql).markFailed(message.id, reason: reason) }
                failed += 1
                // The recipient's address stays out of the log; the message id finds it.
                logger.warning("Mail delivery failed", metadata: ["message": "\(message.id)", "error": "\(error)"])
            }
        }
        return "sent \(sent), failed \(failed)"
    }

    /// The subject and text of `message` in its recipient's language: what happened, to which
    /// request (number and procedure, which are not personal data), and the link.
    public func render(_ message: OutboxMessage, procedures: [String: LocalizedText]) -> (String, String) {
        let language = Language(rawValue: message.language) ?? .en
        let catalog = catalogs.catalog(for: language)
        let link =
            message.alertId.map { PublicAddress.alert($0, base: publicURL) }
            ?? message.notificationId.map { PublicAddress.notification($0, base: publicURL) }
            ?? PublicAddress.request(message.requestId, base: publicURL)
        let event = catalog.text("notification.\(message.action)")
        guard let number = message.number, let code = message.procedure else {
            return (catalog.text("mail.subject", ["event": event]), catalog.text("mail.body", ["event": event, "link": link]))
        }
        // A procedure the registry no longer names is left out rather than shown as its code.
        let procedure = procedures[code]?.text(in: language) ?? catalog.text("inbox.procedure")
        let values = ["event": event, "link": link, "number": number, "procedure": procedure]
        return (
            catalog.text("mail.subjectOfRequest", values),
            catalog.text(
                message.alertId != nil
                    ? "mail.bodyOfAlert" : message.notificationId != nil ? "mail.bodyOfNotification" : "mail.bodyOfRequest",
                values)
        )
    }

    /// The host part of the public address, to greet the relay with.
    public static func heloName(_ publicURL: String) -> String {
        URL(string: publicURL)?.host ?? "localhost"
    }

    /// Creates it from its parts.
    public init(database: any Database, settings: MailSettings, publicURL: String, catalogs: Catalogs, logger: Logger) {
        self.database = database
        self.settings = settings
        self.publicURL = publicURL
        self.catalogs = catalogs
        self.logger = logger
    }
}
