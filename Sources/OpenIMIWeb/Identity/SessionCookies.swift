import Hummingbird
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity

/// The cookies of sign-in: the session cookie and the pre-sign-in CSRF cookie.
enum SessionCookies {
    /// Whether the request reached us over TLS (directly or through a proxy that says so).
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The name of cookie `base` for `request`: over TLS with the `__Host-` prefix, which browsers
    /// accept only when Secure, for path `/` and without a domain, so that no subdomain or
    /// plain-HTTP page can plant or overwrite it.
    static func name(_ base: String, for request: Request) -> String {
        isSecure(request) ? "__Host-\(base)" : base
    }

    /// The value of cookie `base` as `request` carries it (under its `__Host-` name over TLS).
    static func value(_ base: String, in request: Request) -> String? {
        request.cookies[name(base, for: request)]?.value
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure over TLS, no Max-Age (ends with the browser).
    static func session(_ token: String, request: Request) -> Cookie {
        Cookie(
            name: name(SessionMiddleware.cookieName, for: request), value: token, path: "/", secure: isSecure(request), httpOnly: true,
            sameSite: .strict)
    }

    /// Clears the session cookie.
    static func clearedSession(request: Request) -> Cookie {
        Cookie(
            name: name(SessionMiddleware.cookieName, for: request), value: "", maxAge: 0, path: "/", secure: isSecure(request),
            httpOnly: true, sameSite: .strict)
    }

    /// The CSRF value for forms shown before sign-in, reusing the browser's cookie when it has one.
    static func preSessionToken(_ request: Request, random: any SecureRandom) -> (token: String, cookie: Cookie?) {
        if let existing = value(SessionMiddleware.csrfCookieName, in: request), existing.count >= 32 { return (existing, nil) }
        let token = OpaqueToken.make(random: random)
        return (
            token,
            Cookie(
                name: name(SessionMiddleware.csrfCookieName, for: request), value: token, path: "/", secure: isSecure(request),
                httpOnly: true,
                sameSite: .strict)
        )
    }
}
