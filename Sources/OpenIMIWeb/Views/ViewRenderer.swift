import Foundation
import Hummingbird
import Mustache
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Renders pages from the Mustache templates shipped in `Resources/Templates`.
///
/// Every template extends `layout`; `{{…}}` escapes HTML, so data cannot inject markup. Templates hold
/// no words of their own: all text comes from the catalog (`{{t.…}}`) or from the page model.
public struct ViewRenderer: Sendable {
    private let library: MustacheLibrary
    private let nestedCatalogs: [Language: NestedCatalog]
    private let languages: [Language]

    /// Loads the bundled templates.
    public static func bundled(catalogs: Catalogs) async throws -> ViewRenderer {
        let library = try await MustacheLibrary(directory: try WebResources.url("Templates").path)
        return ViewRenderer(library: library, catalogs: catalogs)
    }

    init(library: MustacheLibrary, catalogs: Catalogs) {
        self.library = library
        self.languages = catalogs.languages
        self.nestedCatalogs = Dictionary(uniqueKeysWithValues: catalogs.byLanguage.map { ($0.key, NestedCatalog(values: $0.value.nested)) })
    }

    /// Renders `template` with `page` inside the layout, in the request's language, with the
    /// signed-in user's navigation and the CSRF token their forms carry.
    public func render<Model>(
        _ template: String, title: String, page: Model, request: Request, context: AppRequestContext, status: HTTPResponse.Status = .ok,
        form: FormEcho? = nil
    ) -> HTMLPage {
        render(
            template, title: title, page: page, request: request, language: context.language,
            status: form == nil ? status : .unprocessableContent, account: context.session.map(AccountNavigation.init), form: form)
    }

    /// Renders `template` with `page` inside the layout in `language`, for a visitor or the given account.
    public func render<Model>(
        _ template: String, title: String, page: Model, request: Request, language: Language, status: HTTPResponse.Status = .ok,
        account: AccountNavigation? = nil, form: FormEcho? = nil
    ) -> HTMLPage {
        let envelope = PageEnvelope(
            lang: language.rawValue, title: title, account: account, csrf: account?.csrf ?? "",
            t: nestedCatalogs[language]?.values ?? nestedCatalogs[.en]?.values ?? [:],
            switcher: languages.map { code in
                LanguageLink(
                    code: code.rawValue, name: code.endonym, href: Self.link(request: request, language: code),
                    current: code == language)
            },
            links: Self.links, page: page, form: form)
        let html = library.render(TemplateTree.of(envelope), withTemplate: template) ?? ""
        return HTMLPage(html: html, status: status)
    }

    /// The current address with its `lang` parameter set to `language`.
    static func link(request: Request, language: Language) -> String {
        var items = (request.uri.queryParameters.map { (String($0.key), String($0.value)) }).filter { $0.0 != "lang" }
        items.append(("lang", language.rawValue))
        let query = items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return "\(LocalPath.local(request.uri.path))?\(query)"
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// The links of every page route by name, as template lambdas built from ``Site``.
    nonisolated(unsafe) static let links: [String: MustacheLambda] = Site.pagesByName.mapValues(\.templateLink)

    // The nested catalogs hold only strings and dictionaries of strings, which are immutable values.
    private struct NestedCatalog: @unchecked Sendable {
        let values: [String: Any]
    }
}

/// What every page template receives: the layout's data and the page's own model.
struct PageEnvelope<Model> {
    let lang: String
    let title: String
    let account: AccountNavigation?
    let csrf: String
    let t: [String: Any]
    let switcher: [LanguageLink]
    /// Links to every page, from the route table (see ``SiteRoute/templateLink``).
    let links: [String: MustacheLambda]
    let page: Model
    /// A refused form shown again, if any.
    let form: FormEcho?
}

/// One entry of the language switcher.
struct LanguageLink {
    let code: String
    let name: String
    let href: String
    let current: Bool
}

/// What the layout shows of the signed-in user.
public struct AccountNavigation: Sendable {
    let username: String
    let csrf: String
    let managesUsers: Bool
    let seesOverdueLists: Bool
    let seesRequests: Bool
    let seesAlerts: Bool
    let seesNotifications: Bool
    let seesRepositories: Bool
    let searchesSubjects: Bool
    let keepsRightsRegister: Bool
    let supervisesAccessLog: Bool

    init(_ session: ActiveSession) {
        let principal = session.principal
        let workspace = Workspace(of: principal)
        username = principal.user.username
        csrf = session.csrfToken
        managesUsers = workspace.managesUsers
        seesOverdueLists = workspace.seesOverdueUserLists
        seesRequests = workspace.seesRequests
        seesAlerts = workspace.seesAlerts
        seesNotifications = workspace.seesNotifications
        seesRepositories = workspace.seesRepositories
        searchesSubjects = workspace.searchesSubjects
        keepsRightsRegister = workspace.keepsRightsRegister
        supervisesAccessLog = workspace.supervisesAccessLog
    }
}
