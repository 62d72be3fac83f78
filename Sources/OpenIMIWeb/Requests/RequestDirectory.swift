import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// Names of the authorities, coordinators and procedures a request page mentions, read once per page.
struct RequestDirectory: Sendable {
    let authorities: [UUID: Authority]
    let coordinators: [UUID: Coordinator]
    let areas: [LegalArea]
    let language: Language

    /// Loads the names of `ids` (authorities or coordinators) and the legal areas.
    static func load(_ ids: Set<UUID>, database: any Database, language: Language) async throws -> RequestDirectory {
        let authorityRepository = AuthorityRepository(sql: database.sql)
        let coordinatorRepository = CoordinatorRepository(sql: database.sql)
        var authorities: [UUID: Authority] = [:]
        var coordinators: [UUID: Coordinator] = [:]
        for id in ids {
            if let authority = try await authorityRepository.find(id) {
                authorities[id] = authority
            } else if let coordinator = try await coordinatorRepository.find(id) {
                coordinators[id] = coordinator
            }
        }
        return RequestDirectory(
            authorities: authorities, coordinators: coordinators, areas: try await RegistryRepository(sql: database.sql).legalAreas(),
            language: language)
    }

    /// The organisation's name and state, e.g. "Zdravniška zbornica Slovenije (SI)".
    func name(_ id: UUID) -> String {
        if let authority = authorities[id] { return "\(authority.name.text(in: language)) (\(authority.memberState.rawValue))" }
        if let coordinator = coordinators[id] { return "\(coordinator.name.text(in: language)) (\(coordinator.memberState.rawValue))" }
        return "—"
    }

    /// The procedure's name in the reader's language.
    func procedureName(_ code: String) -> String {
        areas.lazy.flatMap(\.procedures).first { $0.code == code }?.name.text(in: language) ?? code
    }

    /// The legal area's name in the reader's language.
    func areaName(_ code: String) -> String {
        areas.first { $0.code == code }?.name.text(in: language) ?? code
    }
}
