import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of the users page of one organisation.
struct UsersPage {
    let organisation: String
    let organisationName: String
    let users: [Row]
    let grantable: [RoleOption]
    let canCreate: Bool
    let canConfirm: Bool
    let lastConfirmed: String
    let dueDate: String
    let overdue: Bool
    let supervised: [Link]
    let hasSupervised: Bool
    let notice: UsersController.Notice?
    /// The languages a new user may be given, the organisation's member state's first preselected.
    let languages: [SelectOption]

    init(
        principal: Principal, organisation: Organisation, organisationName: String, users: [UserAccount], status: UserListStatus,
        areas: [LegalArea], supervised: [Authority], notice: UsersController.Notice?, catalog: Catalog,
        languages: [Language], defaultLanguage: Language, form: FormEcho? = nil
    ) {
        let chosen = form?.values["language"] ?? defaultLanguage.rawValue
        self.languages = languages.map {
            SelectOption(code: $0.rawValue, name: $0.endonym, selected: $0.rawValue == chosen)
        }
        let areaNames = Dictionary(uniqueKeysWithValues: areas.map { ($0.code.rawValue, $0.name.text(in: catalog.language)) })
        func name(_ role: Role) -> String { RoleNames.name(of: role, catalog: catalog, areaNames: areaNames) }
        let candidates: [Role] =
            [.platformOperator, .nationalCoordinator, .areaCoordinator, .localDataAdministrator]
            + organisation.legalAreas.sorted().flatMap { area in
                [
                    Role.requestHandler(legalArea: area), .allocator(legalArea: area), .alertHandler(legalArea: area),
                    .reader(legalArea: area),
                ]
            }
        let newcomer = UserAccount(
            id: UserID.random(), organisation: organisation.id, username: "", fullName: "", email: "",
            language: .en, status: .invited, roles: [], createdAt: Date())
        self.organisation = organisation.id.description
        self.organisationName = organisationName
        self.grantable = candidates.filter {
            AccessPolicy.decide(principal, .grantRole($0), on: .user(newcomer, of: organisation)).isAllowed
        }
        .map { RoleOption(code: $0.code, name: name($0), checked: form?.values["role:\($0.code)"] != nil) }
        self.canCreate = AccessPolicy.decide(principal, .createUser, on: .organisation(organisation)).isAllowed
        self.canConfirm = AccessPolicy.decide(principal, .confirmUserList, on: .organisation(organisation)).isAllowed
        self.users = users.map { user in
            let held = user.roles.sorted()
            let grantable = candidates.filter { !user.roles.contains($0) }
                .filter { AccessPolicy.decide(principal, .grantRole($0), on: .user(user, of: organisation)).isAllowed }
                .map { RoleOption(code: $0.code, name: name($0)) }
            return Row(
                id: user.id.description, username: user.username, fullName: user.fullName, email: user.email,
                status: catalog.text("userStatus.\(user.status.rawValue)"), isSuspended: user.status == .suspended,
                roles: held.map { RoleOption(code: $0.code, name: name($0)) },
                grantable: grantable, hasGrantable: !grantable.isEmpty,
                canChange: AccessPolicy.decide(principal, .changeUser, on: .user(user, of: organisation)).isAllowed,
                lastSignIn: user.lastSignInAt.map(DateText.day) ?? "—")
        }
        self.lastConfirmed = status.last.map { DateText.day($0.confirmedAt) } ?? "—"
        self.dueDate = DateText.day(status.dueDate)
        self.overdue = status.isOverdue
        self.supervised = supervised.map {
            Link(
                name: $0.name.values[catalog.language] ?? $0.name.text(in: .en),
                href: Site.users.link(query: "organisation=authority:\($0.id.description)"))
        }
        self.hasSupervised = !supervised.isEmpty
        self.notice = notice
    }

    struct Row {
        let id: String
        let username: String
        let fullName: String
        let email: String
        let status: String
        let isSuspended: Bool
        let roles: [RoleOption]
        let grantable: [RoleOption]
        let hasGrantable: Bool
        let canChange: Bool
        let lastSignIn: String
    }

    struct RoleOption {
        let code: String
        let name: String
        /// Ticked in the new-user form shown again after a refusal.
        var checked = false
    }

    struct Link {
        let name: String
        let href: String
    }
}

/// The model of the national coordinator's list of late user lists.
struct OverduePage {
    let rows: [Row]

    struct Row {
        let name: String
        let dueDate: String
        let lastConfirmed: String
        let href: String
    }
}
