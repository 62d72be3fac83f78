import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension UsersController {
    /// The same operations as the pages, for API clients with a bearer token.
    func addAPIRoutes(to routes: Routes) {
        routes.signedIn(Site.API.organisationUsers, use: apiOrganisationUsers)
        routes.signedIn(Site.API.postOrganisationUsers, use: apiPostOrganisationUsers)
        routes.signedIn(Site.API.postOrganisationUserListConfirmations, use: apiPostOrganisationUserListConfirmations)
        routes.signedIn(Site.API.postUserRoles, use: apiPostUserRoles)
        routes.signedIn(Site.API.deleteUserRole, use: apiDeleteUserRole)
        routes.signedIn(Site.API.postUserSuspension, use: apiPostUserSuspension)
        routes.signedIn(Site.API.deleteUserSuspension, use: apiDeleteUserSuspension)
        routes.signedIn(Site.API.postUserSecondFactorReset, use: apiPostUserSecondFactorReset)
        routes.signedIn(Site.API.userListsOverdue, use: apiUserListsOverdue)
    }

    /// The organisation of the path's `{kind}/{id}`. The platform has no id of its own: its address
    /// takes any well-formed one (the API's paths all have the same shape).
    private func apiOrganisation(_ context: AppRequestContext) async throws -> Organisation {
        guard let kind = context.parameters.get("kind"), let id = context.parameters.get("id") else { throw RequestError.notFound }
        let reference =
            kind == OrganisationKind.platform.rawValue
            ? UUID(uuidString: id).map { _ in OrganisationID.platform } : OrganisationID(reference: "\(kind):\(id)")
        guard let reference, let organisation = try await identity.organisation(reference) else { throw RequestError.notFound }
        return organisation
    }

    /// The body of `POST /api/v1/organisations/{kind}/{id}/users`.
    struct NewUserRequest: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["username", "fullName", "email", "language", "roles"]
        let username: String
        let fullName: String
        let email: String
        let language: String?
        let roles: [String]?
    }

    /// The body of `POST /api/v1/users/{id}/roles`.
    struct RoleRequest: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["role"]
        let role: String
    }

    /// A user list with its confirmation status.
    struct UserListDTO: Codable, Sendable {
        let users: [UserDTO]
        let userList: UserListStatusDTO
    }

    /// Where an organisation stands with confirming its user list.
    struct UserListStatusDTO: Codable, Sendable {
        let lastConfirmedAt: Date?
        let lastConfirmedBy: String?
        let dueDate: Date
        let overdue: Bool

        init(_ status: UserListStatus) {
            lastConfirmedAt = status.last?.confirmedAt
            lastConfirmedBy = status.last?.confirmedBy.uuidString.lowercased()
            dueDate = status.dueDate
            overdue = status.isOverdue
        }
    }

    /// A new user and the secret of their activation link.
    struct CreatedUserDTO: Codable, Sendable {
        let user: UserDTO
        let activationToken: String
    }

    /// A recorded user-list confirmation.
    struct ConfirmationDTO: Codable, Sendable {
        let confirmedBy: String
        let confirmedAt: Date
        let userCount: Int
        let listDigest: String

        init(_ confirmation: UserListConfirmation) {
            confirmedBy = confirmation.confirmedBy.uuidString.lowercased()
            confirmedAt = confirmation.confirmedAt
            userCount = confirmation.userCount
            listDigest = confirmation.listDigest
        }
    }

    /// Authorities late with their user lists.
    struct OverdueDTO: Codable, Sendable {
        struct Entry: Codable, Sendable {
            let authorityId: String
            let userList: UserListStatusDTO
        }

        let authorities: [Entry]
    }

    /// `GET /api/v1/organisations/{kind}/{id}/users`.
    func apiOrganisationUsers(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let organisation = try await apiOrganisation(context)
        let users = try await identity.users(of: organisation, by: session.principal)
        let status = try await identity.userListStatus(of: organisation, now: clock.now())
        return JSONResponse(value: UserListDTO(users: users.map(UserDTO.init), userList: UserListStatusDTO(status)))
    }

    /// `POST /api/v1/organisations/{kind}/{id}/users`.
    func apiPostOrganisationUsers(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let organisation = try await apiOrganisation(context)
        let body = try await request.decodeStrictJSON(NewUserRequest.self, context: context)
        var roles: Set<Role> = []
        for code in body.roles ?? [] { roles.insert(try role(code)) }
        let language: Language
        if let code = body.language {
            guard let chosen = Language(rawValue: code) else { throw RequestError.unsupportedLanguage(code) }
            language = chosen
        } else {
            language = try await RegistryRepository(sql: database.sql).defaultLanguage(of: organisation.memberState)
        }
        let created = try await identity.createUser(
            NewUser(username: body.username, fullName: body.fullName, email: body.email, language: language, roles: roles),
            in: organisation, by: session.principal, now: clock.now())
        return JSONResponse(
            value: CreatedUserDTO(user: UserDTO(created.user), activationToken: created.activationToken), status: .created)
    }

    /// `POST /api/v1/organisations/{kind}/{id}/user-list-confirmations`.
    func apiPostOrganisationUserListConfirmations(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let organisation = try await apiOrganisation(context)
        let confirmation = try await identity.confirmUserList(
            of: organisation, by: session.principal, now: clock.now())
        return JSONResponse(value: ConfirmationDTO(confirmation), status: .created)
    }

    /// `POST /api/v1/users/{id}/roles`.
    func apiPostUserRoles(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        let body = try await request.decodeStrictJSON(RoleRequest.self, context: context)
        let user = try await identity.grant(
            try role(body.role), to: try userID(context), by: session.principal, now: clock.now())
        return JSONResponse(value: UserDTO(user))
    }

    /// `DELETE /api/v1/users/{id}/roles/{role}`.
    func apiDeleteUserRole(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let user = try await identity.withdraw(
            try role(context.parameters.get("role")), from: try userID(context), by: session.principal, now: clock.now())
        return JSONResponse(value: UserDTO(user))
    }

    /// `POST /api/v1/users/{id}/suspension`.
    func apiPostUserSuspension(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(
            value: UserDTO(try await identity.suspend(try userID(context), by: session.principal, now: clock.now())))
    }

    /// `DELETE /api/v1/users/{id}/suspension`.
    func apiDeleteUserSuspension(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(
            value: UserDTO(try await identity.reinstate(try userID(context), by: session.principal, now: clock.now()))
        )
    }

    /// `POST /api/v1/users/{id}/second-factor-reset`.
    func apiPostUserSecondFactorReset(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let reset = try await identity.resetSecondFactor(
            of: try userID(context), by: session.principal, now: clock.now())
        return JSONResponse(value: CreatedUserDTO(user: UserDTO(reset.user), activationToken: reset.activationToken))
    }

    /// `GET /api/v1/user-lists/overdue`.
    func apiUserListsOverdue(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        guard let state = session.principal.organisation.memberState else { throw IdentityError.forbidden(.missingRole) }
        let overdue = try await identity.overdueUserLists(of: state, by: session.principal, now: clock.now())
        return JSONResponse(
            value: OverdueDTO(
                authorities: overdue.map {
                    OverdueDTO.Entry(authorityId: $0.0.id.description, userList: UserListStatusDTO($0.1))
                }))
    }
}
