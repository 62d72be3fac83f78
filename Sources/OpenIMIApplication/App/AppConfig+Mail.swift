import Foundation
import OpenIMIPersistence

extension AppConfig {
    /// Reads the mail settings: an SMTP host turns delivery on and then needs a sender address.
    public static func resolveMail(into config: inout AppConfig, value: (Key) -> String?, problems: inout [String]) {
        if let url = value(.publicURL) {
            if let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil {
                config.publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            } else {
                problems.append("\(Key.publicURL.rawValue) must be an http(s) address such as https://imi.example.org, got \"\(url)\"")
            }
        }
        guard let host = value(.smtpHost) else {
            for key in [Key.smtpPort, .mailFrom] where value(key) != nil {
                problems.append("\(key.rawValue) is set but \(Key.smtpHost.rawValue) is not")
            }
            return
        }
        var port = 25
        if let text = value(.smtpPort) {
            if let number = Int(text), (1...65535).contains(number) {
                port = number
            } else {
                problems.append("\(Key.smtpPort.rawValue) must be a number from 1 to 65535, got \"\(text)\"")
            }
        }
        guard let from = value(.mailFrom) else {
            problems.append("\(Key.mailFrom.rawValue) is required when \(Key.smtpHost.rawValue) is set")
            return
        }
        guard SMTPClient.isPlainAddress(from) else {
            problems.append("\(Key.mailFrom.rawValue) must be a plain address such as imi@example.org, got \"\(from)\"")
            return
        }
        config.mail = MailSettings(smtpHost: host, smtpPort: port, from: from)
    }
}
