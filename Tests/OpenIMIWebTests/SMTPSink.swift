import Foundation
import NIOCore
import NIOPosix
import OpenIMIApplication
import Synchronization

/// A mail server on loopback that takes every message (or refuses recipients), standing in for
/// the relay a deployment hands its mail to.
final class SMTPSink: Sendable {
    /// A received message: envelope and the data as sent.
    struct Message: Sendable {
        let from: String
        let to: String
        let data: String
    }

    private final class Received: Sendable {
        let messages = Mutex<[Message]>([])
    }

    let port: Int
    private let received = Received()
    private let task: Task<Void, any Error>

    var messages: [Message] { received.messages.withLock { $0 } }

    /// Starts listening on a free port; `refuseRecipients` answers 550 to every RCPT.
    init(refuseRecipients: Bool = false) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        port = server.channel.localAddress?.port ?? 0
        let received = self.received
        task = Task {
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    try? await Self.converse(connection, refuseRecipients: refuseRecipients) { message in
                        received.messages.withLock { $0.append(message) }
                    }
                }
            }
        }
    }

    deinit { task.cancel() }

    private static func converse(
        _ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, refuseRecipients: Bool, deliver: (Message) -> Void
    ) async throws {
        try await connection.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: "220 sink ESMTP\r\n"))
            var pending = ""
            var from = "", to = "", inData = false, data = ""
            for try await chunk in inbound {
                pending += String(buffer: chunk)
                while let end = pending.range(of: "\r\n") {
                    let line = String(pending[..<end.lowerBound])
                    pending.removeSubrange(..<end.upperBound)
                    if inData {
                        if line == "." {
                            inData = false
                            deliver(Message(from: from, to: to, data: data))
                            try await outbound.write(ByteBuffer(string: "250 queued\r\n"))
                        } else {
                            data += line + "\r\n"
                        }
                        continue
                    }
                    let verb = line.prefix(4).uppercased()
                    let reply: String
                    switch verb {
                    case "EHLO": reply = "250-sink\r\n250 8BITMIME\r\n"
                    case "MAIL":
                        from = String(line.dropFirst(10)).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
                        reply = "250 ok\r\n"
                    case "RCPT":
                        to = String(line.dropFirst(8)).trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
                        reply = refuseRecipients ? "550 no such user\r\n" : "250 ok\r\n"
                    case "DATA":
                        inData = true
                        data = ""
                        reply = "354 go ahead\r\n"
                    case "QUIT":
                        try await outbound.write(ByteBuffer(string: "221 bye\r\n"))
                        return
                    default: reply = "500 unknown\r\n"
                    }
                    try await outbound.write(ByteBuffer(string: reply))
                }
            }
        }
    }
}
