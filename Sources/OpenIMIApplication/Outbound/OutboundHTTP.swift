import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// Why an exchange with an outside service failed.
enum OutboundHTTPError: Error, Sendable, Equatable {
    /// No connection, or no complete answer, within the time allowed.
    case unreachable(String)
    /// The answer was longer than allowed, or the connection closed in the middle of it.
    case unreadableAnswer(String)
}

/// One HTTP/1.1 exchange with an outside service (a witness, a translation service; http or https),
/// bounded in time and in the size of the answer; the connection is closed after it.
struct OutboundHTTP: Sendable {
    /// What is sent.
    struct Request: Sendable {
        var method: HTTPMethod = .POST
        var url: URL
        var headers: [(String, String)] = []
        var body: [UInt8] = []
    }

    /// What came back.
    struct Response: Sendable {
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// How long the whole exchange may take.
    var timeout: Duration
    /// The largest answer read.
    var maximumAnswer = 1_048_576

    /// Sends `request` and reads the answer; throws ``OutboundHTTPError`` on any failure.
    func send(_ request: Request) async throws(OutboundHTTPError) -> Response {
        do {
            return try await exchangeWithin(request)
        } catch let error as OutboundHTTPError {
            throw error
        } catch {
            throw .unreachable("\(error)")
        }
    }

    private func exchangeWithin(_ request: Request) async throws -> Response {
        try await withThrowingTaskGroup(of: Response?.self) { group in
            group.addTask { try await exchange(request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let response = first else {
                throw OutboundHTTPError.unreachable("no answer within \(timeout)")
            }
            return response
        }
    }

    /// The request target of `url` as sent on the request line: its path, percent-encoded as
    /// written, and its query.
    static func target(of url: URL) -> String {
        let components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? ""
        return (path.isEmpty ? "/" : path) + (components?.percentEncodedQuery.map { "?\($0)" } ?? "")
    }

    private func exchange(_ request: Request) async throws -> Response {
        guard let host = request.url.host, let scheme = request.url.scheme, ["http", "https"].contains(scheme) else {
            throw OutboundHTTPError.unreachable("not an http(s) address")
        }
        let port = request.url.port ?? (scheme == "https" ? 443 : 80)
        let tls = try scheme == "https" ? NIOSSLContext(configuration: .makeClientConfiguration()) : nil
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(min(timeout, .seconds(5)) / .milliseconds(1))))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: tls, serverHostname: host))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        // The connection itself is closed at the deadline, so that a read waiting for an answer ends
        // then even if the task's cancellation does not reach it.
        let underlying = channel.channel
        let deadline = underlying.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout / .milliseconds(1)))) {
            underlying.close(promise: nil)
        }
        defer { deadline.cancel() }
        return try await channel.executeThenClose { inbound, outbound in
            var head = HTTPRequestHead(version: .http1_1, method: request.method, uri: Self.target(of: request.url))
            let named = host.contains(":") ? "[\(host)]" : host
            head.headers.add(name: "Host", value: request.url.port.map { "\(named):\($0)" } ?? named)
            for (name, value) in request.headers { head.headers.add(name: name, value: value) }
            head.headers.add(name: "Content-Length", value: "\(request.body.count)")
            head.headers.add(name: "Connection", value: "close")
            try await outbound.write(contentsOf: [.head(head), .body(.byteBuffer(ByteBuffer(bytes: request.body))), .end(nil)])
            var status = 0
            var headers = HTTPHeaders()
            var received: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let response):
                    status = Int(response.status.code)
                    headers = response.headers
                case .body(let buffer):
                    received += buffer.readableBytesView
                    guard received.count <= maximumAnswer else {
                        throw OutboundHTTPError.unreadableAnswer("longer than \(maximumAnswer) bytes")
                    }
                case .end:
                    return Response(status: status, headers: headers, body: received)
                }
            }
            throw OutboundHTTPError.unreadableAnswer("the connection closed before the answer was complete")
        }
    }
}
