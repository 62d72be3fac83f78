import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Registers routes on the router, each declared public or signed-in. Controllers add routes only
/// through this, so every route is guarded and recorded.
public struct Routes {
    /// The router.
    public let router: Router<AppRequestContext>
    /// The record of each route's guard.
    public let registry: RouteAccessRegistry

    /// Adds a route anyone may use.
    public func `public`<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: RouterPath,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        registry.record(method, "\(path)", .public)
        router.on(path, method: method, use: handler)
    }

    /// Adds a route that needs a session: a bearer token under `/api/`, the session cookie elsewhere.
    public func signedIn<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method, _ path: RouterPath,
        use handler: @escaping @Sendable (Request, AppRequestContext, ActiveSession) async throws -> Output
    ) {
        registry.record(method, "\(path)", .signedIn)
        let isAPI = "\(path)".hasPrefix("/api/")
        router.on(path, method: method) { request, context in
            guard let session = context.session, session.kind == (isAPI ? .api : .web) else { throw IdentityError.notSignedIn }
            return try await handler(request, context, session)
        }
    }
}
