import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// User administration: lists, creation with an activation link, roles, suspension, second-factor
/// reset and user-list confirmation, for local data administrators and supervising coordinators.
struct UsersController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// The database, for reads no service offers.
    let database: any Database
    /// Accounts, sessions and user administration.
    let identity: IdentityService
    /// The HTML views.
    let views: ViewRenderer

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.users, use: users)
        routes.signedIn(Site.postUsers, use: postUsers)
        routes.signedIn(Site.postUserOperation, use: postUserOperation)
        routes.signedIn(Site.postUserListsConfirm, use: postUserListsConfirm)
        routes.signedIn(Site.userListsOverdue, use: userListsOverdue)
        addAPIRoutes(to: routes)
    }

    /// The organisation named by `reference` ("authority:<id>"), or the principal's own.
    func target(_ reference: String?, _ session: ActiveSession) async throws -> Organisation {
        guard let reference, !reference.isEmpty else { return session.principal.organisation }
        guard let id = OrganisationID(reference: reference), let organisation = try await identity.organisation(id)
        else { throw RequestError.invalidParameter("organisation", .notAllowed) }
        return organisation
    }

    /// The user named by the path parameter `id`; an unknown user when it is not an id.
    func userID(_ context: AppRequestContext) throws -> UserID {
        guard let text = context.parameters.get("id"), let id = UserID(text) else { throw IdentityError.unknownUser }
        return id
    }

    func role(_ code: String?) throws -> Role {
        guard let code, let role = Role(code: code) else { throw RequestError.invalidParameter("role", .notAllowed) }
        return role
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, _ organisation: Organisation, notice: Notice?,
        form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let now = clock.now()
        let users = try await identity.users(of: organisation, by: session.principal)
        let status = try await identity.userListStatus(of: organisation, now: now)
        let catalog = catalogs.catalog(for: context.language)
        let areas = try await RegistryRepository(sql: database.sql).legalAreas()
        let supervised = try await supervisedAuthorities(session)
        let model = UsersPage(
            principal: session.principal, organisation: organisation,
            organisationName: try await name(of: organisation, language: context.language),
            users: users, status: status, areas: areas, supervised: supervised, notice: notice, catalog: catalog,
            languages: catalogs.languages,
            defaultLanguage: try await RegistryRepository(sql: database.sql).defaultLanguage(of: organisation.memberState), form: form)
        return views.render("users", title: catalog.text("users.title"), page: model, request: request, context: context, form: form)
    }

    private func supervisedAuthorities(_ session: ActiveSession) async throws -> [Authority] {
        let own = session.principal.organisation
        guard own.kind == .nationalCoordinator || own.kind == .areaCoordinator, let state = own.memberState else { return [] }
        return try await AuthorityRepository(sql: database.sql).list(memberState: state).filter { $0.registeredBy == own.id.coordinator }
    }

    private func name(of organisation: Organisation, language: Language) async throws -> String {
        switch organisation.id {
        case .platform: return catalogs.catalog(for: language).text("users.platform")
        case .authority(let id):
            guard let authority = try await AuthorityRepository(sql: database.sql).find(id.uuid) else {
                return ""
            }
            return authority.name.values[language] ?? authority.name.text(in: .en)
        case .nationalCoordinator(let id), .areaCoordinator(let id):
            guard let coordinator = try await CoordinatorRepository(sql: database.sql).find(id.uuid) else {
                return ""
            }
            return coordinator.name.values[language] ?? coordinator.name.text(in: .en)
        }
    }

    /// An activation link to hand to a new user, shown once.
    struct Notice {
        let username: String
        let token: String
        // Stored, not computed: templates see stored properties only.
        let link: String

        init(username: String, token: String) {
            self.username = username
            self.token = token
            self.link = Site.activate.link(query: "token=\(token)")
        }
    }

    /// `GET /users`.
    func users(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let organisation = try await target(request.query("organisation"), session)
        return try await page(request, context, session, organisation, notice: nil)
    }

    /// `POST /users`.
    func postUsers(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let organisation = try await target(fields["organisation"], session)
        let roles = Set((fields.values.keys.filter { $0.hasPrefix("role:") }).compactMap { Role(code: String($0.dropFirst(5))) })
        do {
            var language = Language(rawValue: fields["language"] ?? "")
            if language == nil { language = try await RegistryRepository(sql: database.sql).defaultLanguage(of: organisation.memberState) }
            let created = try await identity.createUser(
                NewUser(
                    username: fields["username"] ?? "", fullName: fields["fullName"] ?? "", email: fields["email"] ?? "",
                    language: language ?? .en, roles: roles),
                in: organisation, by: session.principal, now: clock.now())
            return try await page(
                request, context, session, organisation, notice: Notice(username: created.user.username, token: created.activationToken))
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = ["username", "fullName", "email", "language", "roles"].reduce(into: [String: String]()) {
                $0[$1] = catalog.text("users.\($1)")
            }
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "create-user-form", labels: labels, catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try await page(request, context, session, organisation, notice: nil, form: echo)
        }
    }

    /// `POST /users/{id}/{operation}`.
    func postUserOperation(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let id = try userID(context)
        let now = clock.now()
        var notice: Notice?
        switch context.parameters.get("operation") ?? "" {
        case "grant": try await identity.grant(try role(fields["role"]), to: id, by: session.principal, now: now)
        case "withdraw": try await identity.withdraw(try role(fields["role"]), from: id, by: session.principal, now: now)
        case "suspend": try await identity.suspend(id, by: session.principal, now: now)
        case "reinstate": try await identity.reinstate(id, by: session.principal, now: now)
        case "reset-second-factor":
            let reset = try await identity.resetSecondFactor(of: id, by: session.principal, now: now)
            notice = Notice(username: reset.user.username, token: reset.activationToken)
        default: throw RequestError.notFound
        }
        let organisation = try await target(fields["organisation"], session)
        guard let notice else {
            return Response(
                status: .seeOther,
                headers: [.location: Site.users.link(query: "organisation=\(organisation.id)")])
        }
        return try await page(request, context, session, organisation, notice: notice).response(from: request, context: context)
    }

    /// `POST /user-lists/confirm`.
    func postUserListsConfirm(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let organisation = try await target(fields["organisation"], session)
        _ = try await identity.confirmUserList(of: organisation, by: session.principal, now: clock.now())
        return Response(
            status: .seeOther,
            headers: [.location: Site.users.link(query: "organisation=\(organisation.id)")])
    }

    /// `GET /user-lists/overdue`.
    func userListsOverdue(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        guard let state = session.principal.organisation.memberState else { throw IdentityError.forbidden(.missingRole) }
        let overdue = try await identity.overdueUserLists(of: state, by: session.principal, now: clock.now())
        let catalog = catalogs.catalog(for: context.language)
        let page = OverduePage(
            rows: overdue.map {
                OverduePage.Row(
                    name: $0.0.name.values[context.language] ?? $0.0.name.text(in: .en), dueDate: DateText.day($0.1.dueDate),
                    lastConfirmed: $0.1.last.map { DateText.day($0.confirmedAt) } ?? "—",
                    href: Site.users.link(query: "organisation=authority:\($0.0.id.description)"))
            })
        return views.render("overdue", title: catalog.text("overdue.title"), page: page, request: request, context: context)
    }
}
