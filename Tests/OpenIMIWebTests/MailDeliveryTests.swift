import Foundation
import Logging
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIWeb

/// The outbox is sent over SMTP only when a relay is configured; each message is a link in the
/// recipient's language, never personal data.
@Suite struct MailDeliveryTests {
    @Test func theOutboxIsDeliveredToTheRelayOnceWithOnlyALink() async throws {
        let sink = try await SMTPSink()
        try await TestDatabase.withDatabase { database in
            _ = try await Migrator(database: database).migrate(now: Date())
            let request = UUID()
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            try await database.transaction { sql in
                try await MailOutbox(sql: sql).enqueue(
                    recipient: "handler@zbornica.example", language: .sl, requestID: request, action: "send", at: now)
            }
            let job = MailDelivery(
                database: database, settings: MailSettings(smtpHost: "127.0.0.1", smtpPort: sink.port, from: "imi@platform.example"),
                publicURL: "https://imi.example.org", catalogs: try Catalogs.bundled(), logger: Logger(label: "test"))
            #expect(try await job.run(now: now) == "sent 1, failed 0")
            let message = try #require(sink.messages.first)
            #expect(message.from == "imi@platform.example" && message.to == "handler@zbornica.example")
            #expect(message.data.contains("https://imi.example.org/requests/\(request.uuidString.lowercased())"))
            #expect(message.data.contains("Vašemu organu je bil poslan nov zahtevek"), "written in the recipient's language")
            #expect(message.data.contains("Subject: =?UTF-8?B?"))
            #expect(try await job.run(now: now) == "sent 0, failed 0", "a delivered message is not sent again")
            #expect(try await MailOutbox(sql: database.sql).pendingCount() == 0)
        }
    }

    @Test func refusedMessagesAreRetriedAFewTimesThenLeftWithTheReason() async throws {
        let sink = try await SMTPSink(refuseRecipients: true)
        try await TestDatabase.withDatabase { database in
            _ = try await Migrator(database: database).migrate(now: Date())
            try await database.transaction { sql in
                try await MailOutbox(sql: sql).enqueue(
                    recipient: "gone@example.org", language: .en, requestID: UUID(), action: "answer", at: Date())
            }
            let job = MailDelivery(
                database: database, settings: MailSettings(smtpHost: "127.0.0.1", smtpPort: sink.port, from: "imi@platform.example"),
                publicURL: "https://imi.example.org", catalogs: try Catalogs.bundled(), logger: Logger(label: "test"))
            for _ in 0..<MailOutbox.maximumAttempts { #expect(try await job.run(now: Date()) == "sent 0, failed 1") }
            #expect(try await job.run(now: Date()) == "sent 0, failed 0", "given up after the last attempt")
            // The reason of the last attempt is kept: the relay's refusal, or, when the whole suite keeps
            // both cores busy long enough for an attempt to run out of time, the timeout.
            let row = try #require(try await database.sql.select().column("last_error").from("mail_outbox").first())
            let reason = try row.decode(column: "last_error", as: String.self)
            #expect(reason.contains("550") || reason.contains("timed out"), "\(reason)")
            #expect(sink.messages.isEmpty)
        }
    }

    @Test func mailSettingsAreReadFromTheEnvironmentAndCheckedTogether() throws {
        let config = try AppConfig.resolve(
            flags: [:],
            environment: [
                "OPENIMI_SMTP_HOST": "mail.internal", "OPENIMI_SMTP_PORT": "2525", "OPENIMI_MAIL_FROM": "imi@example.org",
                "OPENIMI_PUBLIC_URL": "https://imi.example.org/",
            ])
        #expect(config.mail == MailSettings(smtpHost: "mail.internal", smtpPort: 2525, from: "imi@example.org"))
        #expect(config.linkBase == "https://imi.example.org")
        #expect(try AppConfig.resolve(flags: [:], environment: [:]).mail == nil, "no relay: messages wait in the outbox")
        do {
            _ = try AppConfig.resolve(
                flags: [:], environment: ["OPENIMI_SMTP_HOST": "mail.internal", "OPENIMI_SMTP_PORT": "x", "OPENIMI_PUBLIC_URL": "ftp://x"])
            Issue.record("accepted an incomplete mail configuration")
        } catch {
            let text = error.description
            #expect(text.contains("OPENIMI_MAIL_FROM") && text.contains("OPENIMI_SMTP_PORT") && text.contains("OPENIMI_PUBLIC_URL"))
        }
    }
}
