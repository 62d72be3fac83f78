import Hummingbird
import OpenIMIPersistence
import OpenIMISecurity

/// The cookies of sign-in: the session cookie and the pre-sign-in CSRF cookie.
enum SessionCookies {
    /// Whether the request reached us over TLS (directly or through a proxy that says so).
    static func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https || request.headers[.init("X-Forwarded-Proto")!]?.lowercased() == "https"
    }

    /// The session cookie: HttpOnly, SameSite=Strict, Secure over TLS, no Max-Age (ends with the browser).
    static func session(_ token: String, request: Request) -> Cookie {
        Cookie(name: SessionMiddleware.cookieName, value: token, path: "/", secure: isSecure(request), httpOnly: true, sameSite: .strict)
    }

    /// Clears the session cookie.
    static func clearedSession(request: Request) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: isSecure(request), httpOnly: true,
            sameSite: .strict)
    }

    /// The CSRF value for forms shown before sign-in, reusing the browser's cookie when it has one.
    static func preSessionToken(_ request: Request, random: any SecureRandom) -> (token: String, cookie: Cookie?) {
        if let existing = request.cookies[SessionMiddleware.csrfCookieName]?.value, existing.count >= 32 { return (existing, nil) }
        let token = OpaqueToken.make(random: random)
        return (
            token,
            Cookie(
                name: SessionMiddleware.csrfCookieName, value: token, path: "/", secure: isSecure(request), httpOnly: true,
                sameSite: .strict)
        )
    }
}
