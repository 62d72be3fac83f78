import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import OpenIMIApplication

/// The benchmark's load generator: keep-alive HTTP/1.1 connections to the server on loopback.
///
/// It runs in the benchmark's process on the same cores as the server, so it is kept lean: one
/// connection per simulated client, one request at a time, no caching, no cookies.
struct BenchmarkClient: Sendable {
    /// The server's host.
    let host: String
    /// The server's port.
    let port: Int

    /// Opens a connection, runs `body` with it and closes it.
    func withConnection<R: Sendable>(_ body: (inout BenchmarkConnection) async throws -> R) async throws -> R {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = BenchmarkConnection(host: "\(host):\(port)", responses: inbound.makeAsyncIterator(), requests: outbound)
            return try await body(&connection)
        }
    }

    /// Waits up to ten seconds for `/health` to answer 200.
    func waitUntilUp(path: String = "/health") async throws {
        for _ in 0..<100 {
            let status = try? await withConnection { try await $0.send("GET", path, headers: [:]).status }
            if status == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchmarkError.serverDidNotStart
    }
}

/// One open connection of ``BenchmarkClient``.
struct BenchmarkConnection {
    /// The `Host` header sent with every request.
    let host: String
    /// The parts of responses, as they arrive.
    var responses: NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    /// Where request parts are written.
    let requests: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>

    /// Sends one request and waits for the whole response.
    mutating func send(
        _ method: String, _ path: String, headers: [String: String], body: Data? = nil
    ) async throws -> (
        status: Int, body: Data
    ) {
        var head = HTTPRequestHead(version: .http1_1, method: HTTPMethod(rawValue: method), uri: path)
        head.headers.add(name: "Host", value: host)
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        head.headers.add(name: "Content-Length", value: "\(body?.count ?? 0)")
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let body, !body.isEmpty { parts.append(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
        parts.append(.end(nil))
        try await requests.write(contentsOf: parts)
        var status = 0
        var received = Data()
        while let part = try await responses.next() {
            switch part {
            case .head(let response): status = Int(response.status.code)
            case .body(let buffer): received.append(contentsOf: buffer.readableBytesView)
            case .end: return (status, received)
            }
        }
        throw BenchmarkError.connectionClosed
    }
}
