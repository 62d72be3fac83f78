import Foundation
import Testing

@testable import OpenIMIDomain

/// Every role against every action, on an object of the user's own authority, of another authority
/// of the same state, and of another state. The expected outcome is the table below: anything not
/// listed as allowed must be denied.
@Suite struct AccessPolicyMatrixTests {
    enum Place: String, CaseIterable { case own, sameState, otherState }

    // The world: Danish NIMIC (DK-N) registered authority DK-A; Danish area coordinator DK-C
    // (areas: services) registered DK-B; Slovenian NIMIC registered SI-A.
    static let nimicDK = Organisation(id: .nationalCoordinator(.random()), memberState: .dk, coordinatorScope: .national)
    static let areaDK = Organisation(
        id: .areaCoordinator(.random()), memberState: .dk, legalAreas: ["services"], registeredBy: nimicDK.id.coordinator,
        coordinatorScope: .area(legalAreas: ["services"]))
    static let nimicSI = Organisation(id: .nationalCoordinator(.random()), memberState: .si, coordinatorScope: .national)
    static let authorityA = authority(.dk, registeredBy: nimicDK.id.uuid!, areas: ["services", "professional-qualifications"])
    static let authorityB = authority(.dk, registeredBy: areaDK.id.uuid!, areas: ["services"])
    static let authoritySI = authority(.si, registeredBy: nimicSI.id.uuid!, areas: ["services"])

    static func authority(_ state: MemberStateCode, registeredBy: UUID, areas: [String]) -> Authority {
        Authority(
            id: AuthorityID(UUID()), memberState: state, name: LocalizedText([.en: "Authority"]),
            address: PostalAddress(street: "s", postcode: "p", city: "c"), contact: Contact(email: "a@b.example"), legalAreas: areas,
            keywords: [], languages: [.en], status: .validated, registeredBy: CoordinatorID(registeredBy))
    }

    static func user(_ organisation: Organisation, roles: Set<Role>) -> UserAccount {
        UserAccount(
            id: UserID(UUID()), organisation: organisation.id, username: "u\(UUID().uuidString.prefix(6))",
            fullName: "User", email: "u@x.example", language: .en, status: .active, roles: roles, createdAt: Date())
    }

    /// The principal holding `role`, in the organisation where that role lives.
    static func principal(_ role: RoleKind) -> Principal {
        let organisation: Organisation =
            switch role {
            case .platformOperator: .platform
            case .nationalCoordinator: nimicDK
            case .areaCoordinator: areaDK
            default: Organisation(authority: authorityA)
            }
        let held = Role(kind: role, legalArea: role.isPerLegalArea ? "services" : nil)!
        return Principal(user: user(organisation, roles: [held]), organisation: organisation)
    }

    /// The object of each place, seen from `role`: its own authority, another of its state, one of another state.
    static func authorityAt(_ place: Place, for role: RoleKind) -> Authority {
        switch (place, role) {
        case (.own, .areaCoordinator): authorityB
        case (.own, _): authorityA
        case (.sameState, .areaCoordinator): authorityA
        case (.sameState, _): authorityB
        case (.otherState, _): authoritySI
        }
    }

    enum ActionKind: String, CaseIterable {
        case viewUsers, createUser, changeAdministrator, changeHandler, grantAdministrator, grantHandler, grantHandlerUnregisteredArea
        case grantOperator, confirmUserList, viewOverdueUserLists, registerAuthority, changeAuthority
        case createRequest, readRequest, sendRequest, answerRequest, answerQuestion, decideDeadline, allocate, attachToDraft
    }

    /// Cells that must be allowed: role, action, place.
    static let allowed: Set<String> = [
        // A local data administrator runs its own authority's user list, nothing else.
        "local-data-administrator viewUsers own", "local-data-administrator createUser own",
        "local-data-administrator changeAdministrator own", "local-data-administrator changeHandler own",
        "local-data-administrator grantAdministrator own", "local-data-administrator grantHandler own",
        "local-data-administrator confirmUserList own",
        // The national coordinator supervises the administrators of authorities it registered,
        // sees late user lists of its state, and registers and changes authorities of its state.
        "national-coordinator viewUsers own", "national-coordinator createUser own", "national-coordinator changeAdministrator own",
        "national-coordinator grantAdministrator own",
        "national-coordinator viewOverdueUserLists own", "national-coordinator viewOverdueUserLists sameState",
        "national-coordinator registerAuthority own", "national-coordinator registerAuthority sameState",
        "national-coordinator changeAuthority own", "national-coordinator changeAuthority sameState",
        // The area coordinator does the same for what it registered, within its legal areas.
        "area-coordinator viewUsers own", "area-coordinator createUser own", "area-coordinator changeAdministrator own",
        "area-coordinator grantAdministrator own", "area-coordinator registerAuthority own", "area-coordinator changeAuthority own",
        // Requests: a request handler drafts and sends for its own authority and answers as its
        // responder; every role in the area at the involved authority reads; nobody else.
        "request-handler createRequest own", "request-handler sendRequest own", "request-handler answerRequest own",
        "request-handler readRequest own", "allocator readRequest own", "alert-handler readRequest own", "reader readRequest own",
        "request-handler answerQuestion own", "request-handler decideDeadline own",
        // An allocator routes incoming requests; a handler attaches documents to its own draft.
        "allocator allocate own", "request-handler attachToDraft own",
    ]

    static func decide(_ role: RoleKind, _ action: ActionKind, _ place: Place) -> AccessDecision {
        let principal = principal(role)
        let authority = authorityAt(place, for: role)
        let organisation = Organisation(authority: authority)
        let administrator = user(organisation, roles: [.localDataAdministrator])
        let handler = user(organisation, roles: [.requestHandler(legalArea: "services")])
        switch action {
        case .viewUsers: return AccessPolicy.decide(principal, .viewUsers, on: .organisation(organisation))
        case .createUser: return AccessPolicy.decide(principal, .createUser, on: .organisation(organisation))
        case .changeAdministrator: return AccessPolicy.decide(principal, .changeUser, on: .user(administrator, of: organisation))
        case .changeHandler: return AccessPolicy.decide(principal, .changeUser, on: .user(handler, of: organisation))
        case .grantAdministrator:
            return AccessPolicy.decide(principal, .grantRole(.localDataAdministrator), on: .user(administrator, of: organisation))
        case .grantHandler:
            return AccessPolicy.decide(principal, .grantRole(.requestHandler(legalArea: "services")), on: .user(handler, of: organisation))
        case .grantHandlerUnregisteredArea:
            return AccessPolicy.decide(principal, .grantRole(.reader(legalArea: "solvit")), on: .user(handler, of: organisation))
        case .grantOperator: return AccessPolicy.decide(principal, .grantRole(.platformOperator), on: .user(handler, of: organisation))
        case .confirmUserList: return AccessPolicy.decide(principal, .confirmUserList, on: .organisation(organisation))
        case .viewOverdueUserLists: return AccessPolicy.decide(principal, .viewOverdueUserLists, on: .memberState(authority.memberState))
        case .createRequest: return AccessPolicy.decide(principal, .createRequest(legalArea: "services"), on: .organisation(organisation))
        case .readRequest, .sendRequest:
            // A sent request (a draft for sending) from the place's authority to a Slovenian one.
            let involvement = Involvement(requester: authority.id, responder: authoritySI.id)
            let state: RequestState = action == .sendRequest ? .draft : .sent
            let decided: AccessAction = action == .sendRequest ? .actOnRequest(.send) : .readRequest
            return AccessPolicy.decide(principal, decided, on: .request(involvement, legalArea: "services", state: state))
        case .answerRequest:
            // An accepted request from Slovenia to the place's authority.
            let involvement = Involvement(requester: authoritySI.id, responder: authority.id)
            return AccessPolicy.decide(
                principal, .actOnRequest(.answer), on: .request(involvement, legalArea: "services", state: .accepted))
        case .answerQuestion:
            let involvement = Involvement(requester: authoritySI.id, responder: authority.id)
            return AccessPolicy.decide(principal, .answerQuestion, on: .request(involvement, legalArea: "services", state: .accepted))
        case .decideDeadline:
            let involvement = Involvement(requester: authority.id, responder: authoritySI.id)
            return AccessPolicy.decide(
                principal, .decideProposedDeadline, on: .request(involvement, legalArea: "services", state: .accepted))
        case .allocate:
            let involvement = Involvement(requester: authoritySI.id, responder: authority.id)
            return AccessPolicy.decide(principal, .allocateRequest, on: .request(involvement, legalArea: "services", state: .sent))
        case .attachToDraft:
            let involvement = Involvement(requester: authority.id, responder: authoritySI.id)
            return AccessPolicy.decide(principal, .attachToRequest, on: .request(involvement, legalArea: "services", state: .draft))
        case .registerAuthority, .changeAuthority:
            return AccessPolicy.decide(
                principal, action == .registerAuthority ? .registerAuthority : .changeAuthority, on: .authority(authority))
        }
    }

    @Test(arguments: RoleKind.allCases)
    func matrix(role: RoleKind) {
        for action in ActionKind.allCases {
            for place in Place.allCases {
                let key = "\(role.rawValue) \(action.rawValue) \(place.rawValue)"
                let decision = Self.decide(role, action, place)
                #expect(decision.isAllowed == Self.allowed.contains(key), "\(key): \(decision)")
            }
        }
    }

    @Test func inactiveAccountsAndUnvalidatedAuthoritiesMayDoNothing() {
        var principal = Self.principal(.localDataAdministrator)
        let own = Organisation(authority: Self.authorityA)
        #expect(AccessPolicy.decide(principal, .viewUsers, on: .organisation(own)).isAllowed)
        principal.user.status = .suspended
        #expect(AccessPolicy.decide(principal, .viewUsers, on: .organisation(own)) == .deny(.inactive))
        #expect(AccessPolicy.decide(principal, .manageOwnAccount, on: .ownAccount) == .deny(.inactive))
        principal.user.status = .active
        principal.organisation.isActive = false
        #expect(AccessPolicy.decide(principal, .viewUsers, on: .organisation(own)) == .deny(.inactive))
    }

    @Test func operatorSupervisesNationalCoordinatorAdministratorsOnly() {
        let principal = Self.principal(.platformOperator)
        let administrator = Self.user(Self.nimicDK, roles: [])
        #expect(AccessPolicy.decide(principal, .grantRole(.localDataAdministrator), on: .user(administrator, of: Self.nimicDK)).isAllowed)
        #expect(!AccessPolicy.decide(principal, .grantRole(.nationalCoordinator), on: .user(administrator, of: Self.nimicDK)).isAllowed)
        #expect(!AccessPolicy.decide(principal, .viewUsers, on: .organisation(Organisation(authority: Self.authorityA))).isAllowed)
    }
}

extension MemberStateCode {
    static let dk = MemberStateCode(rawValue: "DK")!
    static let si = MemberStateCode(rawValue: "SI")!
}
