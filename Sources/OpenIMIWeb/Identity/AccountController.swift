import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The signed-in user's own account: profile, interface language and password.
struct AccountController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Accounts, sessions and user administration.
    let identity: IdentityService
    /// The HTML views.
    let views: ViewRenderer
    /// The database, for the names of the legal areas roles are held in.
    let database: any Database

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.account, use: account)
        routes.signedIn(Site.postAccountProfile, use: postAccountProfile)
        routes.signedIn(Site.postAccountPassword, use: postAccountPassword)
        routes.signedIn(Site.API.me, use: apiMe)
        routes.signedIn(Site.API.patchMe, use: apiPatchMe)
        routes.signedIn(Site.API.postMePassword, use: apiPostMePassword)
    }

    /// The body of `PATCH /api/v1/me`.
    struct ProfileChange: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["language", "fullName", "timeZone"]
        let language: String?
        let fullName: String?
        /// An IANA zone, or "" for the member state's.
        let timeZone: String?
    }

    /// The body of `POST /api/v1/me/password`.
    struct PasswordChange: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["currentPassword", "newPassword"]
        let currentPassword: String
        let newPassword: String
    }

    /// `GET /account`.
    func account(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await accountPage(request, context, session)
    }

    /// The account page; after a refused form, with what was typed (never a password) and what to correct.
    private func accountPage(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let catalog = catalogs.catalog(for: context.language)
        let areas = try await RegistryRepository(sql: database.sql).legalAreas()
        let page = AccountPage(
            principal: session.principal, catalog: catalog, languages: catalogs.languages, saved: request.query("saved") != nil,
            areaNames: Dictionary(uniqueKeysWithValues: areas.map { ($0.code.rawValue, $0.name.text(in: context.language)) }))
        return views.render("account", title: catalog.text("account.title"), page: page, request: request, context: context, form: form)
    }

    /// `POST /account/profile`.
    func postAccountProfile(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        guard let language = Language(rawValue: fields["language"] ?? ""), catalogs.languages.contains(language) else {
            throw RequestError.unsupportedLanguage(fields["language"] ?? "")
        }
        let zone = fields["timeZone"].map { $0.isEmpty ? String?.none : $0 }
        do {
            _ = try await identity.updateOwnProfile(
                session.principal, language: language, fullName: fields["fullName"], timeZone: zone, now: clock.now())
        } catch {
            return try await refused(fields, error, formID: "profile-form", request, context, session)
        }
        return Response(status: .seeOther, headers: [.location: Site.account.link(query: "saved=profile&lang=\(language.rawValue)")])
    }

    /// `POST /account/password`.
    func postAccountPassword(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        do {
            try await identity.changeOwnPassword(
                session.principal, current: fields["currentPassword"] ?? "", new: fields["newPassword"] ?? "", now: clock.now())
        } catch IdentityError.signInFailed {
            // A wrong current password is a field to correct here, not a failed sign-in.
            return try await refused(
                fields, RequestError.invalidParameter("currentPassword", .notAllowed), formID: "password-form", request, context, session)
        } catch {
            return try await refused(fields, error, formID: "password-form", request, context, session)
        }
        return Response(status: .seeOther, headers: [.location: Site.account.link(query: "saved=password")])
    }

    /// The account page again after `error` refused a form, or the error page when it is not the user's to correct.
    private func refused(
        _ fields: FormFields, _ error: any Error, formID: String, _ request: Request, _ context: AppRequestContext,
        _ session: ActiveSession
    ) async throws -> Response {
        let catalog = catalogs.catalog(for: context.language)
        let labels = ["fullName", "language", "timeZone", "currentPassword", "newPassword"].reduce(into: [String: String]()) {
            $0[$1] = catalog.text("account.\($1)")
        }
        guard
            let echo = FormEcho(fields, refusedWith: error, formID: formID, labels: labels, catalog: catalog, languages: catalogs.languages)
        else { throw error }
        return try await accountPage(request, context, session, form: echo).response(from: request, context: context)
    }

    /// `GET /api/v1/me`.
    func apiMe(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        JSONResponse(value: UserDTO(session.principal.user))
    }

    /// `PATCH /api/v1/me`.
    func apiPatchMe(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(ProfileChange.self, context: context)
        var language: Language?
        if let code = body.language {
            guard let parsed = Language(rawValue: code), catalogs.languages.contains(parsed) else {
                throw RequestError.unsupportedLanguage(code)
            }
            language = parsed
        }
        let user = try await identity.updateOwnProfile(
            session.principal, language: language, fullName: body.fullName,
            timeZone: body.timeZone.map { $0.isEmpty ? String?.none : $0 }, now: clock.now())
        return JSONResponse(value: UserDTO(user))
    }

    /// `POST /api/v1/me/password`.
    func apiPostMePassword(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(PasswordChange.self, context: context)
        try await identity.changeOwnPassword(
            session.principal, current: body.currentPassword, new: body.newPassword, now: clock.now())
        return Response(status: .noContent)
    }
}

/// The model of the account page.
struct AccountPage {
    let username: String
    let fullName: String
    let email: String
    let roles: [String]
    let languages: [SelectOption]
    let timeZones: [SelectOption]
    let saved: Bool

    init(principal: Principal, catalog: Catalog, languages: [Language], saved: Bool, areaNames: [String: String]) {
        username = principal.user.username
        fullName = principal.user.fullName
        email = principal.user.email
        roles = principal.user.roles.sorted().map { RoleNames.name(of: $0, catalog: catalog, areaNames: areaNames) }
        self.languages = languages.map { SelectOption(code: $0.rawValue, name: $0.endonym, selected: $0 == principal.user.language) }
        let own = principal.organisation.memberState?.timeZoneIdentifier ?? "UTC"
        // The member states' zones and UTC, and a zone chosen through the API, so saving the form keeps it.
        let zones = Set(
            MemberStateCode.eea.compactMap { MemberStateCode(rawValue: $0)?.timeZoneIdentifier } + ["UTC"]
                + [principal.user.timeZone].compactMap { $0 }
        ).sorted()
        timeZones =
            [
                SelectOption(
                    code: "", name: catalog.text("account.timeZoneDefault", ["zone": own]), selected: principal.user.timeZone == nil)
            ]
            + zones.map { SelectOption(code: $0, name: $0, selected: $0 == principal.user.timeZone) }
        self.saved = saved
    }
}

/// Role names in the interface language.
enum RoleNames {
    /// The role's name, with its legal area's name (never its code where a name exists).
    static func name(of role: Role, catalog: Catalog, areaNames: [String: String]) -> String {
        let kind = catalog.text("role.\(role.kind.rawValue)")
        return role.legalArea.map { "\(kind) · \(areaNames[$0] ?? $0)" } ?? kind
    }
}
