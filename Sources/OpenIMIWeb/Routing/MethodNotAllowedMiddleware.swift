import HTTPTypes
import Hummingbird
import OpenIMIApplication

/// Answers a method no route of an existing address takes with 405 and the `Allow` header
/// (RFC 9110 §15.5.6), instead of the router's 404, so that a client learns the address exists; an
/// address no route has is a 404 for every method, before a session or a form token is looked at.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Every route, by method and pattern.
    let registry: RouteAccessRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Decided before a session or a CSRF token is asked for; GET, the bulk of the traffic,
        // reaches the router and is checked only when it finds no route.
        if request.method != .get {
            let allowed = registry.methods(matching: request.uri.path)
            guard !allowed.isEmpty else { throw HTTPError(.notFound) }
            // HEAD included: no route answers it, so it is 405 with the methods that are answered.
            if !allowed.contains(request.method.rawValue) {
                throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.joined(separator: ", ")])
            }
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = registry.methods(matching: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            throw HTTPError(.methodNotAllowed, headers: [.allow: allowed.joined(separator: ", ")])
        }
    }
}
