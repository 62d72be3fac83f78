import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import OpenIMIPersistence
import OpenIMISecurity
import Synchronization

/// Honours `Idempotency-Key` on API POSTs of signed-in clients: the first successful result is
/// stored and returned again for a repeat (with `Idempotent-Replayed: true`); the same key with a
/// different request is refused; a repeat while the first is running gets 409. Failed attempts
/// release the key.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!
    let store: IdempotencyStore
    let clock: any AppClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, request.uri.path.hasPrefix("/api/"), let key = request.headers[Self.header],
            let user = context.session?.principal.user.id
        else { return try await next(request, context) }
        guard (1...200).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw RequestError.invalidParameter("Idempotency-Key", .malformed)
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: APILimits.maximumUploadBytes)
        } catch {
            throw RequestError.payloadTooLarge(maximum: APILimits.maximumUploadBytes)
        }
        request.body = RequestBody(buffer: buffer)
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.uri.path)\n".utf8))
        hasher.update(data: Data(buffer: buffer))
        let fingerprint = ContentDigest.hex(hasher.finalize())
        switch try await store.claim(userID: user, key: key, fingerprint: fingerprint, now: clock.now()) {
        case .replay(let status, let contentType, let body):
            var response = Response(
                status: HTTPResponse.Status(code: status), headers: [.contentType: contentType],
                body: .init(byteBuffer: ByteBuffer(string: body)))
            response.headers[Self.replayed] = "true"
            return response
        case .inProgress:
            throw IdempotencyError.inProgress
        case .mismatch:
            throw IdempotencyError.keyReused
        case .claimed:
            do {
                let response = try await next(request, context)
                guard response.status.code < 400 else {
                    try await store.release(userID: user, key: key)
                    return response
                }
                let collector = BodyCollector()
                try await response.body.write(CollectingWriter(collector: collector))
                let body = collector.buffer
                try await store.complete(
                    userID: user, key: key, status: Int(response.status.code),
                    contentType: response.headers[.contentType] ?? "application/json",
                    body: String(buffer: body))
                var replayable = response
                replayable.body = .init(byteBuffer: body)
                return replayable
            } catch {
                try? await store.release(userID: user, key: key)
                throw error
            }
        }
    }
}

/// Why an idempotent repeat was refused.
enum IdempotencyError: Error {
    /// The first request with this key is still running.
    case inProgress
    /// The key was used with a different request.
    case keyReused
}

/// Holds the body written by a response, to store it.
private final class BodyCollector: Sendable {
    private let storage = Mutex(ByteBuffer())
    var buffer: ByteBuffer { storage.withLock { $0 } }

    func append(_ buffer: ByteBuffer) {
        var buffer = buffer
        storage.withLock { _ = $0.writeBuffer(&buffer) }
    }
}

private struct CollectingWriter: ResponseBodyWriter {
    let collector: BodyCollector

    mutating func write(_ buffer: ByteBuffer) async throws {
        collector.append(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
