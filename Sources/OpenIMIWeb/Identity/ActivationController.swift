import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Account activation from the one-time link: choose a password, enrol the security code, confirm it.
struct ActivationController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Accounts, sessions and user administration.
    let identity: IdentityService
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.public(Site.activate, use: activate)
        routes.public(Site.postActivate, use: postActivate)
        routes.public(Site.postActivateConfirm, use: postActivateConfirm)
        routes.public(Site.API.postActivation, use: apiPostActivation)
        routes.public(Site.API.postActivationConfirm, use: apiPostActivationConfirm)
    }

    private func page(_ template: String, _ request: Request, _ context: AppRequestContext, model: ActivatePage) throws -> Response {
        let (csrf, cookie) = SessionCookies.preSessionToken(request, random: identity.random)
        var model = model
        model.csrf = csrf
        let catalog = catalogs.catalog(for: context.language)
        var response = try views.render(
            template, title: catalog.text("activate.title"), page: model, request: request, context: context
        ).response(from: request, context: context)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    struct ActivatePage {
        var csrf: String
        let token: String
        let enrolment: Enrolment?
        /// The interface languages offered, the page's own preselected.
        var languages: [SelectOption] = []
    }

    /// The body of `POST /api/v1/activation`.
    struct ActivationRequest: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["token", "password", "language"]
        let token: String
        let password: String
        /// The interface language chosen; the one the account was created with when left out.
        let language: String?
    }

    /// The body of `POST /api/v1/activation/confirm`.
    struct ConfirmationRequest: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["token", "code"]
        let token: String
        let code: String
    }

    /// What enrolment shows once.
    struct EnrolmentDTO: Codable, Sendable {
        let totpSecretBase32: String
        let provisioningUri: String
        let recoveryCodes: [String]
    }

    /// `GET /activate`.
    func activate(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        guard let token = request.query("token") else { throw IdentityError.activationInvalid }
        var model = ActivatePage(csrf: "", token: token, enrolment: nil)
        // The language the administrator gave the account comes first; the page's own otherwise.
        let chosen = try await identity.activationLanguage(token: token, now: clock.now()) ?? context.language
        model.languages = catalogs.languages.map { SelectOption(code: $0.rawValue, name: $0.endonym, selected: $0 == chosen) }
        return try page("activate", request, context, model: model)
    }

    /// `POST /activate`.
    func postActivate(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let token = fields["token"] ?? ""
        let enrolment = try await identity.beginActivation(
            token: token, password: fields["password"] ?? "", language: try chosenLanguage(fields["language"]), now: clock.now())
        return try page("enrol", request, context, model: ActivatePage(csrf: "", token: token, enrolment: enrolment))
    }

    /// The interface language named in an activation form, which must have a catalog; nil when none is named.
    private func chosenLanguage(_ code: String?) throws -> Language? {
        guard let code, !code.isEmpty else { return nil }
        guard let language = Language(rawValue: code), catalogs.languages.contains(language) else {
            throw RequestError.unsupportedLanguage(code)
        }
        return language
    }

    /// `POST /activate/confirm`.
    func postActivateConfirm(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let signedIn = try await identity.completeActivation(
            token: fields["token"] ?? "", code: fields["code"] ?? "", kind: .web, now: clock.now())
        var response = Response(
            status: .seeOther, headers: [.location: Site.account.link(query: "lang=\(signedIn.user.language.rawValue)")])
        response.setCookie(SessionCookies.session(signedIn.token, request: request))
        return response
    }

    /// `POST /api/v1/activation`.
    func apiPostActivation(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(ActivationRequest.self, context: context)
        let enrolment = try await identity.beginActivation(
            token: body.token, password: body.password, language: try chosenLanguage(body.language), now: clock.now())
        return JSONResponse(
            value: EnrolmentDTO(
                totpSecretBase32: enrolment.secretBase32, provisioningUri: enrolment.provisioningURI,
                recoveryCodes: enrolment.recoveryCodes))
    }

    /// `POST /api/v1/activation/confirm`.
    func apiPostActivationConfirm(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(ConfirmationRequest.self, context: context)
        let signedIn = try await identity.completeActivation(
            token: body.token, code: body.code, kind: .api, now: clock.now())
        return JSONResponse(
            value: SignInController.SessionResponse(token: signedIn.token, expiresAt: signedIn.expiresAt, user: UserDTO(signedIn.user)),
            status: .created)
    }
}
