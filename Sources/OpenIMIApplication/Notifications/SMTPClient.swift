import Foundation
import NIOCore
import NIOPosix
import OpenIMIPersistence

/// A plain SMTP (RFC 5321) client for handing messages to a relay, typically one on the same host
/// or network that takes care of onward delivery and TLS.
public struct SMTPClient: Sendable {
    /// The relay's host name or address.
    public let host: String
    /// The relay's port.
    public let port: Int
    /// The name this client greets with.
    public let heloName: String
    /// Time allowed for the whole conversation of one message.
    public var timeout: Duration = .seconds(30)

    /// Sends one message; throws ``SMTPError`` with the server's reply when it is refused.
    public func send(from sender: String, to recipient: String, subject: String, body: String, date: Date) async throws {
        for address in [sender, recipient] where !Self.isPlainAddress(address) { throw SMTPError.invalidAddress }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    var replies = SMTPReplies(inbound.makeAsyncIterator())
                    func command(_ line: String, expecting codes: Int...) async throws {
                        try await outbound.write(ByteBuffer(string: line + "\r\n"))
                        try await replies.expect(codes)
                    }
                    try await replies.expect(220)
                    try await command("EHLO \(heloName)", expecting: 250)
                    try await command("MAIL FROM:<\(sender)>", expecting: 250)
                    try await command("RCPT TO:<\(recipient)>", expecting: 250, 251)
                    try await command("DATA", expecting: 354)
                    try await outbound.write(
                        ByteBuffer(string: Self.message(from: sender, to: recipient, subject: subject, body: body, date: date)))
                    try await replies.expect(250)
                    try await command("QUIT", expecting: 221)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw SMTPError.timedOut
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// The message in wire form: headers, body with dot-stuffing, and the terminating line.
    public static func message(from sender: String, to recipient: String, subject: String, body: String, date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return [
            "From: <\(sender)>", "To: <\(recipient)>", "Subject: \(encodedSubject)", "Date: \(formatter.string(from: date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(sender.split(separator: "@").last ?? "openimi")>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
        ].joined(separator: "\r\n") + "\r\n" + lines.joined(separator: "\r\n") + "\r\n.\r\n"
    }

    /// Whether `address` is a bare mailbox without characters that could break the protocol.
    public static func isPlainAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && address.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && !"<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }
}

/// Why a message could not be handed over.
public enum SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The server answered with an unexpected code.
    case refused(code: Int, reply: String)
    /// The connection closed in the middle of the conversation.
    case connectionClosed
    /// The server took too long.
    case timedOut
    /// An address contains characters SMTP cannot carry.
    case invalidAddress

    public var description: String {
        switch self {
        case .refused(let code, let reply): "SMTP \(code): \(reply)"
        case .connectionClosed: "connection closed"
        case .timedOut: "timed out"
        case .invalidAddress: "invalid address"
        }
    }
}

/// Reads SMTP replies (possibly multi-line: "250-…" then "250 …") from the inbound stream.
private struct SMTPReplies {
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    var pending = ""

    init(_ iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator) {
        self.iterator = iterator
    }

    mutating func expect(_ codes: Int...) async throws {
        try await expect(codes)
    }

    mutating func expect(_ codes: [Int]) async throws {
        while true {
            let line = try await nextLine()
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPError.refused(code: 0, reply: String(line.prefix(200))) }
            if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            guard codes.contains(code) else { throw SMTPError.refused(code: code, reply: String(line.prefix(200))) }
            return
        }
    }

    private mutating func nextLine() async throws -> String {
        while true {
            if let end = pending.range(of: "\r\n") {
                let line = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                return line
            }
            guard let buffer = try await iterator.next() else { throw SMTPError.connectionClosed }
            pending += String(buffer: buffer)
        }
    }
}
