import Foundation
import Hummingbird
import Logging
import OpenIMIApplication
import OpenIMIDomain

/// Turns every error into a response that keeps its status: RFC 9457 problem+json for the API and
/// machine clients, a friendly page in the user's language for browsers. Server faults are logged by
/// type only, never with request data.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let catalogs: Catalogs
    let views: ViewRenderer
    let resolver: LanguageResolver
    /// Finds the session of a page's cookie, so an error page keeps the signed-in navigation.
    let identity: IdentityService
    let clock: any AppClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let language = resolver.resolve(
                query: request.uri.queryParameters["lang"].map(String.init),
                cookie: request.cookies["lang"]?.value,
                acceptLanguage: request.headers[.acceptLanguage]
            ).language
            let presentation = ErrorPresentation(error, catalog: catalogs.catalog(for: language), availableLanguages: catalogs.languages)
            if presentation.isServerFault {
                context.logger.error("Request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            }
            if Self.wantsProblemJSON(request) {
                var response = ProblemDetails(presentation, instance: request.uri.path).response()
                if presentation.status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
                if let allow = (error as? HTTPError)?.headers[.allow] { response.headers[.allow] = allow }
                return response
            }
            if presentation.code == "not-signed-in", request.method == .get {
                let next = ViewRenderer.encode(request.uri.path)
                return Response(status: .seeOther, headers: [.location: Site.signIn.link(query: "next=\(next)")])
            }
            // The session middleware's context does not reach here: the cookie is looked up again,
            // for error pages only, and a failing lookup leaves the page as for a visitor.
            var account: AccountNavigation?
            if let cookie = SessionCookies.value(SessionMiddleware.cookieName, in: request),
                let session = try? await identity.session(token: cookie, now: clock.now()), session.kind == .web
            {
                account = AccountNavigation(session)
            }
            let model = ErrorPageModel(
                title: presentation.title, detail: presentation.detail,
                next: ErrorPageModel.next(
                    after: presentation.code, path: request.uri.path, account: account, catalog: catalogs.catalog(for: language)))
            let page = views.render(
                "error", title: presentation.title, page: model, request: request, language: language, status: presentation.status,
                account: account)
            return try page.response(from: request, context: context)
        }
    }

    /// API paths and clients that do not ask for HTML get problem+json.
    static func wantsProblemJSON(_ request: Request) -> Bool {
        let path = request.uri.path
        if path.hasPrefix(Site.apiPrefix) || path == Site.health.pattern || path == Site.openAPIDocument.pattern { return true }
        let accept = request.headers[.accept] ?? ""
        return !accept.contains("text/html") && accept.contains("json")
    }
}

/// The model of the error page, with the way on where there is one.
struct ErrorPageModel {
    /// A link to what the reader can do instead.
    struct Link {
        let href: String
        let label: String
    }

    let title: String
    let detail: String
    let next: Link?

    /// Blocked personal data on a request's page lead to the form their data administrator opens
    /// them with; a page not found leads a user who handles requests to their inbox.
    static func next(after code: String, path: String, account: AccountNavigation?, catalog: Catalog) -> Link? {
        if code == "not-found", account?.seesRequests == true {
            return Link(href: Site.requests.link(), label: catalog.text("error.toRequests"))
        }
        let parts = path.split(separator: "/")
        guard code == "personal-data-blocked", parts.count == 2, parts[0] == "requests", UUID(uuidString: String(parts[1])) != nil else {
            return nil
        }
        return Link(href: Site.requestBlockedAccess.link(parts[1]), label: catalog.text("blocked.title"))
    }
}
