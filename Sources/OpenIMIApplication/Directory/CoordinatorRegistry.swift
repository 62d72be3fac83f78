import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// Registers national coordinators and lets them appoint area and regional coordinators.
public struct CoordinatorRegistry: Sendable {
    /// The database.
    public let database: any Database

    /// Creates the registry.
    public init(database: any Database) {
        self.database = database
    }

    /// Registers the national coordinator of a state, as the platform operator does; one per state.
    public func registerNational(_ coordinator: Coordinator, now: Date) async throws {
        guard coordinator.isNational, coordinator.appointedBy == nil else { throw DirectoryError.notNationalCoordinator }
        try await database.transaction { sql in
            try await CoordinatorRepository(sql: sql).insert(coordinator, now: now)
        }
    }

    /// Lets the national coordinator `actorID` appoint an area or regional coordinator of its state.
    public func appoint(_ coordinator: Coordinator, by actorID: UUID, now: Date) async throws {
        try await database.transaction { sql in
            let repository = CoordinatorRepository(sql: sql)
            guard let actor = try await repository.find(actorID) else { throw DirectoryError.unknownCoordinator(actorID) }
            try DirectoryPolicy.checkMayAppoint(coordinator, by: actor)
            if case .area(let areas) = coordinator.scope {
                let known = try await RegistryRepository(sql: sql).legalAreaCodes()
                guard !areas.isEmpty, Set(areas).isSubset(of: known) else { throw DirectoryError.invalidField("legalAreas", .notAllowed) }
            }
            let appointed = coordinator.appointed(by: actor.id)
            try await repository.insert(appointed, now: now)
        }
    }
}
