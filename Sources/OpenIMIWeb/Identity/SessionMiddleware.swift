import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// Resolves the session of a request: `Authorization: Bearer` for the API, the session cookie for
/// pages. Web forms that change state must carry the session's CSRF token (or, before sign-in, the
/// value of the `openimi_csrf` cookie) in the `_csrf` field; the body is read here, once, and passed on.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "openimi_session"
    static let csrfCookieName = "openimi_csrf"
    /// The forms shown to a visitor who is not signed in, checked against the double-submit cookie.
    static let preSignInForms: Set<String> = [Site.postSignIn.pattern, Site.postActivate.pattern, Site.postActivateConfirm.pattern]
    let identity: IdentityService
    let clock: any AppClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let isAPI = request.uri.path.hasPrefix(Site.apiPrefix)
        let now = clock.now()
        if isAPI {
            if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
                context.session = try await identity.session(
                    token: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), now: now
                )
                .flatMap { $0.kind == .api ? $0 : nil }
            }
        } else if let cookie = SessionCookies.value(Self.cookieName, in: request) {
            context.session = try await identity.session(token: cookie, now: now).flatMap { $0.kind == .web ? $0 : nil }
        }
        if !isAPI, request.method != .get, request.method != .head {
            // Multipart bodies are large and costly to parse: only the upload routes take them, and
            // only from a signed-in browser, decided before a byte of the body is read.
            let isMultipart = request.headers[.contentType]?.lowercased().hasPrefix("multipart/") == true
            if isMultipart {
                guard MultipartForm.acceptsUploads(path: request.uri.path) else { throw RequestError.unsupportedMediaType }
                guard context.session != nil else { throw IdentityError.notSignedIn }
            }
            let multipart = isMultipart ? MultipartForm.boundary(of: request.headers[.contentType]) : nil
            if isMultipart, multipart == nil { throw RequestError.malformedBody }
            let limit = isMultipart ? APILimits.maximumUploadBytes : APILimits.maximumFormBytes
            let buffer = try await request.boundedBody(upTo: limit)
            request.body = RequestBody(buffer: buffer)
            let upload = try multipart.map { try MultipartForm(buffer, boundary: $0) }
            context.uploadForm = upload
            let form = upload?.fields ?? FormFields(buffer)
            // A signed-in form must carry its session's token, bound to the session on the server; the
            // double-submit cookie serves only the forms shown before sign-in (a signed-in browser may
            // still post the sign-in form it loaded earlier), so a planted cookie opens nothing else.
            let expected =
                if let session = context.session, !Self.preSignInForms.contains(request.uri.path) {
                    [session.csrfToken]
                } else {
                    [context.session?.csrfToken, SessionCookies.value(Self.csrfCookieName, in: request)].compactMap { $0 }
                }
            guard let sent = form["_csrf"], expected.contains(where: { constantTimeEquals(sent, $0) }) else {
                throw IdentityError.csrfMismatch
            }
        }
        return try await next(request, context)
    }
}

/// The fields of an `application/x-www-form-urlencoded` body.
struct FormFields: Sendable {
    let values: [String: String]

    init(values: [String: String]) {
        self.values = values
    }

    init(_ buffer: ByteBuffer) {
        var values: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            if let key = parts.first, !key.isEmpty, values[key] == nil { values[key] = parts.count > 1 ? parts[1] : "" }
        }
        self.values = values
    }

    subscript(_ key: String) -> String? { values[key] }
}

extension Request {
    /// The form fields of a body already read by `SessionMiddleware`.
    func form() async throws -> FormFields {
        FormFields(try await boundedBody(upTo: APILimits.maximumFormBytes))
    }

    /// The body, refused with 413 when its declared length or its bytes exceed `limit`.
    func boundedBody(upTo limit: Int) async throws -> ByteBuffer {
        if let declared = headers[.contentLength].flatMap(Int.init), declared > limit {
            throw RequestError.payloadTooLarge(maximum: limit)
        }
        do {
            return try await body.collect(upTo: limit)
        } catch {
            throw RequestError.payloadTooLarge(maximum: limit)
        }
    }

    /// The parts of a `multipart/form-data` body, as `SessionMiddleware` parsed them into `context`.
    func multipartForm(_ context: AppRequestContext) throws -> MultipartForm {
        guard let form = context.uploadForm else { throw RequestError.unsupportedMediaType }
        return form
    }
}
