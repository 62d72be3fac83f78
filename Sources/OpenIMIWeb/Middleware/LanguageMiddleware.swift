import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

/// Sets the request's language and remembers an explicit choice (`?lang=`) in a cookie.
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let resolver: LanguageResolver

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let resolution = resolver.resolve(
            query: request.uri.queryParameters["lang"].map(String.init),
            cookie: request.cookies["lang"]?.value,
            acceptLanguage: request.headers[.acceptLanguage])
        if let refused = resolution.refused { throw RequestError.unsupportedLanguage(refused) }
        var context = context
        context.language = resolution.language
        var response = try await next(request, context)
        if let requested = resolution.requested {
            response.setCookie(
                Cookie(
                    name: "lang", value: requested.rawValue, maxAge: 365 * 24 * 3600, path: "/", secure: false, httpOnly: true,
                    sameSite: .lax))
        }
        return response
    }
}
