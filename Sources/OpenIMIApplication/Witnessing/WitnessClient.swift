import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Calls a witness's `add-checkpoint` (c2sp.org/tlog-witness) over HTTP/1.1, bounded in time and
/// in the size of the answer.
struct WitnessClient: Sendable {
    /// The witness.
    let endpoint: WitnessEndpoint
    /// How long the whole call may take.
    var timeout: Duration = .seconds(3)
    /// The largest answer read (a few signature lines).
    static let maximumAnswer = 16_384

    /// What the witness answered.
    struct Answer: Sendable {
        let status: Int
        let contentType: String?
        let body: String
    }

    /// Posts `body` to `<prefix>/add-checkpoint`.
    func addCheckpoint(_ body: String) async throws -> Answer {
        try await withThrowingTaskGroup(of: Answer?.self) { group in
            group.addTask { try await post(body) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else {
                throw WitnessingError.unreachable("no answer within \(timeout)")
            }
            return answer
        }
    }

    private func post(_ body: String) async throws -> Answer {
        let channel: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(2))
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            throw WitnessingError.unreachable("\(error)")
        }
        return try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: endpoint.path + "/add-checkpoint")
            let bytes = Array(body.utf8)
            head.headers.add(name: "Host", value: "\(endpoint.host):\(endpoint.port)")
            head.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
            head.headers.add(name: "Content-Length", value: "\(bytes.count)")
            head.headers.add(name: "Connection", value: "close")
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: bytes))), .end(nil)])
            var status = 0
            var contentType: String?
            var received: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let response):
                    status = Int(response.status.code)
                    contentType = response.headers.first(name: "Content-Type")
                case .body(let buffer):
                    received += buffer.readableBytesView
                    guard received.count <= Self.maximumAnswer else {
                        throw WitnessingError.unexpectedAnswer("longer than \(Self.maximumAnswer) bytes")
                    }
                case .end:
                    return Answer(status: status, contentType: contentType, body: String(decoding: received, as: UTF8.self))
                }
            }
            throw WitnessingError.unexpectedAnswer("the connection closed before the answer was complete")
        }
    }
}
