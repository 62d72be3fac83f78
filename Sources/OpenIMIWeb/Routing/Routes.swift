import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Registers the routes of ``Site`` on the router, each as public or signed-in as the table says.
/// Controllers add routes only through this, so every route is guarded and recorded.
public struct Routes {
    /// The router.
    public let router: Router<AppRequestContext>
    /// The record of each route's guard.
    public let registry: RouteAccessRegistry

    /// Adds a route anyone may use; the table must say it is public.
    func `public`<Output: ResponseGenerator>(
        _ route: SiteRoute, use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        precondition(route.access == .public, "\(route.pattern) is not public in the route table")
        let path = RouterPath(route.pattern)
        registry.record(route.method, "\(path)", .public)
        router.on(path, method: route.method, use: handler)
    }

    /// Adds a route that needs a session: a bearer token under `/api/`, the session cookie elsewhere.
    func signedIn<Output: ResponseGenerator>(
        _ route: SiteRoute, use handler: @escaping @Sendable (Request, AppRequestContext, ActiveSession) async throws -> Output
    ) {
        precondition(route.access == .signedIn, "\(route.pattern) is public in the route table")
        let path = RouterPath(route.pattern)
        registry.record(route.method, "\(path)", .signedIn)
        let isAPI = route.isAPI
        router.on(path, method: route.method) { request, context in
            guard let session = context.session, session.kind == (isAPI ? .api : .web) else { throw IdentityError.notSignedIn }
            return try await handler(request, context, session)
        }
    }
}
