import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// Sign-in and sign-out: the web form with its session cookie, and API bearer tokens.
struct SignInController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Accounts, sessions and user administration.
    let identity: IdentityService
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.public(Site.signIn, use: signIn)
        routes.public(Site.postSignIn, use: postSignIn)
        routes.signedIn(Site.postSignOut, use: postSignOut)
        routes.public(Site.API.postSession, use: apiPostSession)
        routes.signedIn(Site.API.deleteSession, use: apiDeleteSession)
    }

    private func form(
        _ request: Request, _ context: AppRequestContext, next: String?, failure: String?, status: HTTPResponse.Status
    ) throws
        -> Response
    {
        let (csrf, cookie) = SessionCookies.preSessionToken(request, random: identity.random)
        let catalog = catalogs.catalog(for: context.language)
        var response = try views.render(
            "sign-in", title: catalog.text("signIn.title"), page: SignInPage(csrf: csrf, next: Self.safeNext(next) ?? "", failure: failure),
            request: request, context: context, status: status
        ).response(from: request, context: context)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// Only local paths are followed after sign-in, never another site.
    static func safeNext(_ next: String?) -> String? {
        guard let next, LocalPath.isLocal(next) else { return nil }
        return next
    }

    struct SignInPage {
        let csrf: String
        let next: String
        let failure: String?
    }

    /// The body of `POST /api/v1/session`.
    struct SessionRequest: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["username", "password", "code"]
        let username: String
        let password: String
        let code: String
    }

    /// A new API session.
    struct SessionResponse: Codable, Sendable {
        let token: String
        let expiresAt: Date
        let user: UserDTO
    }

    /// `GET /sign-in`.
    func signIn(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        try form(request, context, next: request.query("next"), failure: nil, status: .ok)
    }

    /// `POST /sign-in`.
    func postSignIn(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let next = Self.safeNext(fields["next"])
        do {
            let signedIn = try await identity.signIn(
                username: fields["username"] ?? "", password: fields["password"] ?? "", code: fields["code"] ?? "",
                address: context.remoteAddress, kind: .web, now: clock.now())
            // The language chosen on the sign-in page (its cookie) stays; without a choice, the user's own.
            let chosen = request.cookies["lang"].flatMap { Language(rawValue: $0.value) }.flatMap {
                catalogs.languages.contains($0) ? $0 : nil
            }
            let language = chosen ?? signedIn.user.language
            var response = Response(
                status: .seeOther, headers: [.location: next ?? Site.home.link(query: "lang=\(language.rawValue)")])
            response.setCookie(SessionCookies.session(signedIn.token, request: request))
            return response
        } catch let error as IdentityError where error == .signInFailed || error == .tooManyAttempts {
            let key = error == .tooManyAttempts ? "error.tooManyAttempts.detail" : "error.signInFailed.detail"
            return try form(
                request, context, next: next, failure: catalogs.catalog(for: context.language).text(key),
                status: error == .tooManyAttempts ? .tooManyRequests : .unauthorized)
        }
    }

    /// `POST /sign-out`.
    func postSignOut(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        if let token = SessionCookies.value(SessionMiddleware.cookieName, in: request) {
            try await identity.signOut(token: token, now: clock.now())
        }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(SessionCookies.clearedSession(request: request))
        return response
    }

    /// `POST /api/v1/session`.
    func apiPostSession(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(SessionRequest.self, context: context)
        let signedIn = try await identity.signIn(
            username: body.username, password: body.password, code: body.code, address: context.remoteAddress, kind: .api,
            now: clock.now())
        return JSONResponse(
            value: SessionResponse(token: signedIn.token, expiresAt: signedIn.expiresAt, user: UserDTO(signedIn.user)), status: .created
        )
    }

    /// `DELETE /api/v1/session`.
    func apiDeleteSession(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        let header = request.headers[.authorization] ?? ""
        try await identity.signOut(
            token: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces), now: clock.now())
        return Response(status: .noContent)
    }
}

/// A user as the API shows it.
struct UserDTO: Codable, Sendable {
    let id: String
    let username: String
    let fullName: String
    let email: String
    let language: String
    let timeZone: String?
    let status: String
    let organisationKind: String
    let organisationId: String?
    let roles: [String]
    let lastSignInAt: Date?

    init(_ user: UserAccount) {
        id = user.id.description
        username = user.username
        fullName = user.fullName
        email = user.email
        language = user.language.rawValue
        timeZone = user.timeZone
        status = user.status.rawValue
        organisationKind = user.organisation.kind.rawValue
        organisationId = user.organisation.uuid?.uuidString.lowercased()
        roles = user.roles.sorted().map(\.code)
        lastSignInAt = user.lastSignInAt
    }
}
