import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The demo coordinators and authorities (Denmark, Slovenia, Germany, Greece, Bulgaria), loaded
/// through the same registration rules as real ones. Their contact details are fictional.
public struct DemoData: Sendable {
    /// The coordinators, national ones first.
    public let coordinators: [Coordinator]
    /// The authorities with the status the demo gives them.
    public let authorities: [Authority]
    /// The demo users: every role in Denmark, Slovenia and Germany, and a platform operator.
    public let users: [DemoUser]

    /// Reads the bundled demo file.
    public static func bundled() throws -> DemoData {
        let file = try JSONDecoder().decode(DemoFile.self, from: Data(contentsOf: ApplicationResources.url("DemoData/demo.json")))
        return DemoData(
            coordinators: try file.coordinators.map { try $0.coordinator() },
            authorities: file.authorities.map(\.authority), users: file.users)
    }

    /// Loads coordinators, authorities, users and requests; what exists is left as it is, except
    /// that `refreshCredentials` gives every demo user new credentials. Returns the counts, the
    /// credentials set and the requests created.
    @discardableResult
    public func load(into platform: Platform, refreshCredentials: Bool = false) async throws -> Loaded {
        let created = try await loadDirectory(into: platform)
        let credentials = try await loadUsers(into: platform, refresh: refreshCredentials)
        let requests = try await DemoRequests(platform: platform).load()
        let alerts = try await DemoAlerts(platform: platform).load()
        let notifications = try await DemoNotifications(platform: platform).load()
        let records = try await DemoRepositories(platform: platform).load()
        return Loaded(
            coordinators: created.coordinators, authorities: created.authorities, credentials: credentials, requests: requests,
            alerts: alerts, notifications: notifications, repositoryRecords: records)
    }

    /// What a load created.
    public struct Loaded: Sendable {
        /// How many coordinators were added.
        public let coordinators: Int
        /// How many authorities were added.
        public let authorities: Int
        /// The demo users' credentials that were set.
        public let credentials: [DemoCredential]
        /// The demo requests created.
        public let requests: [DemoRequestEntry]
        /// The demo alerts created.
        public let alerts: [DemoAlertEntry]
        /// The demo notifications created.
        public let notifications: [DemoNotificationEntry]
        /// The demo repository records created.
        public let repositoryRecords: [DemoRepositoryEntry]
    }

    private func loadDirectory(into platform: Platform) async throws -> (coordinators: Int, authorities: Int) {
        let now = platform.clock.now()
        let coordinatorRepository = CoordinatorRepository(sql: platform.database.sql)
        let coordinatorRegistry = CoordinatorRegistry(database: platform.database)
        var created = (coordinators: 0, authorities: 0)
        for coordinator in coordinators where try await coordinatorRepository.find(coordinator.id.uuid) == nil {
            if let appointer = coordinator.appointedBy {
                try await coordinatorRegistry.appoint(coordinator, by: appointer.uuid, now: now)
            } else {
                try await coordinatorRegistry.registerNational(coordinator, now: now)
            }
            created.coordinators += 1
        }
        let authorityRepository = AuthorityRepository(sql: platform.database.sql)
        let authorityRegistry = AuthorityRegistry(database: platform.database)
        for authority in authorities where try await authorityRepository.find(authority.id.uuid) == nil {
            try await authorityRegistry.register(authority, by: authority.registeredBy.uuid, now: now)
            if authority.status != .pending {
                try await authorityRegistry.apply(.validate, to: authority.id.uuid, by: authority.registeredBy.uuid, now: now)
            }
            if authority.status == .suspended {
                try await authorityRegistry.apply(.suspend, to: authority.id.uuid, by: authority.registeredBy.uuid, now: now)
            }
            created.authorities += 1
        }
        return created
    }

    private struct DemoFile: Decodable {
        let coordinators: [DemoCoordinator]
        let authorities: [DemoAuthority]
        let users: [DemoUser]
    }

    private struct DemoCoordinator: Decodable {
        let id: UUID
        let memberState: MemberStateCode
        let kind: CoordinatorKind
        let legalAreas: [String]?
        let region: String?
        let name: LocalizedText
        let address: PostalAddress
        let contact: Contact
        let appointedBy: UUID?

        func coordinator() throws -> Coordinator {
            let scope: CoordinatorScope =
                switch kind {
                case .national: .national
                case .area: .area(legalAreas: legalAreas ?? [])
                case .regional: .region(region ?? "")
                }
            return Coordinator(
                id: CoordinatorID(id), memberState: memberState, scope: scope, name: name, address: address, contact: contact,
                appointedBy: appointedBy.map(CoordinatorID.init))
        }
    }

    private struct DemoAuthority: Decodable {
        let id: UUID
        let memberState: MemberStateCode
        let registeredBy: UUID
        let status: AuthorityStatus
        let name: LocalizedText
        let address: PostalAddress
        let contact: Contact
        let legalAreas: [String]
        let keywords: [String]
        let languages: [Language]

        var authority: Authority {
            Authority(
                id: AuthorityID(id), memberState: memberState, name: name, address: address, contact: contact, legalAreas: legalAreas,
                keywords: keywords, languages: languages, status: status, registeredBy: CoordinatorID(registeredBy))
        }
    }
}
