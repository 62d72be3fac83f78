import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// Names of the authorities, coordinators and procedures a request page mentions, read once per page.
public struct RequestDirectory: Sendable {
    public let authorities: [UUID: Authority]
    public let coordinators: [UUID: Coordinator]
    public let areas: [LegalArea]
    public let language: Language
    /// The full names of the users a history names.
    public var users: [UUID: String] = [:]

    /// Loads the names of `ids` (authorities or coordinators) and of the legal areas `areaCodes` with their procedures.
    public static func load(
        _ ids: Set<UUID>, areas areaCodes: Set<String>, database: any Database, language: Language
    ) async throws
        -> RequestDirectory
    {
        let found = try await AuthorityRepository(sql: database.sql).find(Set(ids.map(AuthorityID.init)))
        let authorities = Dictionary(uniqueKeysWithValues: found.map { ($0.key.uuid, $0.value) })
        let coordinatorRepository = CoordinatorRepository(sql: database.sql)
        var coordinators: [UUID: Coordinator] = [:]
        // Only a request referred to a coordinator names one, so these lookups stay rare.
        for id in ids where authorities[id] == nil {
            coordinators[id] = try await coordinatorRepository.find(id)
        }
        let registry = RegistryRepository(sql: database.sql)
        var areas: [LegalArea] = []
        for code in areaCodes.sorted() {
            if let area = try await registry.legalArea(code) { areas.append(area) }
        }
        return RequestDirectory(authorities: authorities, coordinators: coordinators, areas: areas, language: language)
    }

    /// The names a page about `request` mentions: its parties, every step's organisation, its legal area.
    public static func load(for request: InformationRequest, database: any Database, language: Language) async throws -> RequestDirectory {
        let involvement = request.involvement
        var ids = Set(([involvement.requester, involvement.responder] + involvement.earlierResponders).map(\.uuid))
        ids.formUnion(request.steps.map(\.actor.organisationID))
        if let coordinator = involvement.referredTo { ids.insert(coordinator.uuid) }
        var directory = try await load(ids, areas: [request.legalArea.rawValue], database: database, language: language)
        let users = Set(request.steps.flatMap { [$0.actor.userID.uuid] + ($0.allocatedTo.map { [$0.uuid] } ?? []) })
        directory.users = try await UserRepository(sql: database.sql).fullNames(users)
        return directory
    }

    /// The legal acts of the legal area `code`.
    public func legalActs(_ code: String) -> [LegalAct] {
        areas.first { $0.code.rawValue == code }?.legalActs ?? []
    }

    /// The organisation's name and state, e.g. "Zdravniška zbornica Slovenije (SI)".
    public func name(_ id: UUID) -> String {
        if let authority = authorities[id] { return "\(authority.name.text(in: language)) (\(authority.memberState.rawValue))" }
        if let coordinator = coordinators[id] { return "\(coordinator.name.text(in: language)) (\(coordinator.memberState.rawValue))" }
        return "—"
    }

    /// The user's full name, or "—" for an account no longer there.
    public func userName(_ id: UUID) -> String {
        users[id] ?? "—"
    }

    /// The procedure's name in the reader's language.
    public func procedureName(_ code: String) -> String {
        areas.lazy.flatMap(\.procedures).first { $0.code.rawValue == code }?.name.text(in: language) ?? code
    }

    /// The legal area's name in the reader's language.
    public func areaName(_ code: String) -> String {
        areas.first { $0.code.rawValue == code }?.name.text(in: language) ?? code
    }
}
