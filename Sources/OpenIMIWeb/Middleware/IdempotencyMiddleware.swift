import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import Synchronization

/// Honours `Idempotency-Key` on API POSTs of signed-in clients: the first successful outcome is
/// remembered and a repeat gets it again (with `Idempotent-Replayed: true`); the same key with a
/// different request is refused; a repeat while the first is running gets 409. Failed attempts
/// release the key.
///
/// No response body is stored. A repeat is answered with the first status and `Location`, and with
/// the current state of the resource the first response showed (its `Content-Location`), read by an
/// internal GET through the same access policy and access log as any read: after the request's
/// data are deleted, the repeat says so instead of returning them. A response that named no
/// readable resource (a consent record, a user created with its activation token) cannot be given
/// again: its repeat is refused with 409 `idempotency-key-used`, still without a second effect. A
/// 204 is repeated as it was. Searches ignore the key: repeating one changes nothing. A repeat of
/// opening blocked data answers as reading the request does now (410 while it stays blocked): the
/// opening itself is not repeated.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let header = HTTPField.Name("Idempotency-Key")!
    static let replayed = HTTPField.Name("Idempotent-Replayed")!
    /// POSTs that only search: repeating one has no second effect, so it is simply answered again.
    static let searches: Set<String> = [Site.API.postSubjectSearch.pattern, Site.API.postAuthoritiesSearch.pattern]
    let store: IdempotencyStore
    let clock: any AppClock
    /// The whole router, for reading the resource again: `next` only reaches the route already chosen.
    let reads: ReplayReads

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post, request.uri.path.hasPrefix(Site.apiPrefix), !Self.searches.contains(request.uri.path),
            let key = request.headers[Self.header], let user = context.session?.principal.user.id
        else { return try await next(request, context) }
        guard (1...200).contains(key.count), key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw RequestError.invalidParameter("Idempotency-Key", .malformed)
        }
        var request = request
        let isUpload = request.uri.path.hasSuffix("/attachments")
        let buffer = try await request.boundedBody(upTo: isUpload ? APILimits.maximumUploadBytes : APILimits.maximumBodyBytes)
        request.body = RequestBody(buffer: buffer)
        var hasher = SHA256()
        hasher.update(data: Data("\(request.method.rawValue) \(request.uri.path)?\(request.uri.query ?? "")\n".utf8))
        hasher.update(data: Data(buffer: buffer))
        let fingerprint = ContentDigest.hex(hasher.finalize())
        switch try await store.claim(userID: user.uuid, key: key, fingerprint: fingerprint, now: clock.now()) {
        case .replay(let outcome):
            return try await replay(outcome, of: request, context: context, next: next)
        case .inProgress:
            throw IdempotencyError.inProgress
        case .mismatch:
            throw IdempotencyError.keyReused
        case .claimed:
            do {
                let response = try await next(request, context)
                guard response.status.code < 400 else {
                    try await store.release(userID: user.uuid, key: key)
                    return response
                }
                let outcome = IdempotencyStore.Outcome(
                    status: Int(response.status.code), location: Self.sameSite(response.headers[.location]),
                    contentLocation: Self.sameSite(response.headers[.contentLocation]))
                try await store.complete(
                    userID: user.uuid, key: key, outcome: outcome,
                    requestID: Self.requestID(in: [outcome.contentLocation, outcome.location, request.uri.path]))
                return response
            } catch {
                try? await store.release(userID: user.uuid, key: key)
                throw error
            }
        }
    }

    /// The answer to a repeat: the first status and location, with the resource read again now.
    private func replay(
        _ outcome: IdempotencyStore.Outcome, of request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let resource = outcome.contentLocation else {
            // 204 never had a body; anything else did and cannot be shown again.
            guard outcome.status == 204 else { throw IdempotencyError.notRepeatable }
            var response = Response(status: .noContent)
            if let location = outcome.location { response.headers[.location] = location }
            response.headers[Self.replayed] = "true"
            return response
        }
        var head = HTTPRequest(method: .get, scheme: request.head.scheme, authority: request.head.authority, path: resource)
        head.headerFields = request.headers
        head.headerFields[.contentType] = nil
        head.headerFields[.contentLength] = nil
        head.headerFields[Self.header] = nil
        let read = try await reads.respond(to: Request(head: head, body: RequestBody(buffer: ByteBuffer())), context: context)
        // A resource that can no longer be read (deleted data, lost access) answers for itself.
        guard read.status.code < 400 else { return read }
        var response = read
        response.status = HTTPResponse.Status(code: outcome.status)
        if let location = outcome.location { response.headers[.location] = location }
        response.headers[Self.replayed] = "true"
        return response
    }

    /// `value` when it is a path on this server (`LocalPath`), in ASCII and at most 512 bytes, else nil.
    static func sameSite(_ value: String?) -> String? {
        guard let value, value.utf8.count <= 512, value.allSatisfy(\.isASCII), LocalPath.isLocal(value) else { return nil }
        return value
    }

    /// The information request named by the first of `paths` under `/api/v1/requests/`.
    static func requestID(in paths: [String?]) -> UUID? {
        for path in paths.compactMap({ $0 }) {
            let segments = path.split(separator: "/")
            if segments.count >= 4, segments[0] == "api", segments[1] == "v1", segments[2] == "requests",
                let id = UUID(uuidString: String(segments[3]))
            {
                return id
            }
        }
        return nil
    }
}

/// The router's responder, set once every route is added, through which a replay reads the
/// resource again with the full middleware stack (session, access policy, access log).
final class ReplayReads: Sendable {
    private let responder = Mutex<(any HTTPResponder<AppRequestContext>)?>(nil)

    /// Sets the responder to read through.
    func set(_ responder: some HTTPResponder<AppRequestContext>) {
        self.responder.withLock { $0 = responder }
    }

    /// Answers `request` as the router would.
    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        guard let responder = responder.withLock({ $0 }) else { throw RequestError.notFound }
        return try await responder.respond(to: request, context: context)
    }
}
