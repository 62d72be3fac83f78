import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The signed-in user's own account: profile, interface language and password.
struct AccountController: Sendable {
    let platform: Platform
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.account) { request, context, session in
            let catalog = platform.catalogs.catalog(for: context.language)
            let page = AccountPage(
                principal: session.principal, catalog: catalog, languages: platform.catalogs.languages, saved: request.query("saved") != nil
            )
            return views.render("account", title: catalog.text("account.title"), page: page, request: request, context: context)
        }
        routes.signedIn(Site.postAccountProfile) { request, _, session in
            let fields = try await request.form()
            guard let language = Language(rawValue: fields["language"] ?? ""), platform.catalogs.languages.contains(language) else {
                throw RequestError.unsupportedLanguage(fields["language"] ?? "")
            }
            _ = try await platform.identity.updateOwnProfile(
                session.principal, language: language, fullName: fields["fullName"], now: platform.clock.now())
            return Response(status: .seeOther, headers: [.location: Site.account.link(query: "saved=profile&lang=\(language.rawValue)")])
        }
        routes.signedIn(Site.postAccountPassword) { request, _, session in
            let fields = try await request.form()
            try await platform.identity.changeOwnPassword(
                session.principal, current: fields["currentPassword"] ?? "", new: fields["newPassword"] ?? "", now: platform.clock.now())
            return Response(status: .seeOther, headers: [.location: Site.account.link(query: "saved=password")])
        }
        routes.signedIn(Site.API.me) { _, _, session in
            JSONResponse(value: UserDTO(session.principal.user))
        }
        routes.signedIn(Site.API.patchMe) { request, context, session in
            let body = try await request.decodeStrictJSON(ProfileChange.self, context: context)
            var language: Language?
            if let code = body.language {
                guard let parsed = Language(rawValue: code), platform.catalogs.languages.contains(parsed) else {
                    throw RequestError.unsupportedLanguage(code)
                }
                language = parsed
            }
            let user = try await platform.identity.updateOwnProfile(
                session.principal, language: language, fullName: body.fullName, now: platform.clock.now())
            return JSONResponse(value: UserDTO(user))
        }
        routes.signedIn(Site.API.postMePassword) { request, context, session in
            let body = try await request.decodeStrictJSON(PasswordChange.self, context: context)
            try await platform.identity.changeOwnPassword(
                session.principal, current: body.currentPassword, new: body.newPassword, now: platform.clock.now())
            return Response(status: .noContent)
        }
    }

    /// The body of `PATCH /api/v1/me`.
    struct ProfileChange: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["language", "fullName"]
        let language: String?
        let fullName: String?
    }

    /// The body of `POST /api/v1/me/password`.
    struct PasswordChange: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["currentPassword", "newPassword"]
        let currentPassword: String
        let newPassword: String
    }
}

/// The model of the account page.
struct AccountPage {
    let username: String
    let fullName: String
    let email: String
    let roles: [String]
    let languages: [LanguageOption]
    let saved: Bool

    init(principal: Principal, catalog: Catalog, languages: [Language], saved: Bool) {
        username = principal.user.username
        fullName = principal.user.fullName
        email = principal.user.email
        roles = principal.user.roles.sorted().map { RoleNames.name(of: $0, catalog: catalog) }
        self.languages = languages.map { LanguageOption(code: $0.rawValue, name: $0.endonym, selected: $0 == principal.user.language) }
        self.saved = saved
    }

    struct LanguageOption {
        let code: String
        let name: String
        let selected: Bool
    }
}

/// Role names in the interface language.
enum RoleNames {
    static func name(of role: Role, catalog: Catalog) -> String {
        let kind = catalog.text("role.\(role.kind.rawValue)")
        return role.legalArea.map { "\(kind): \($0)" } ?? kind
    }
}
