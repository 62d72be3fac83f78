import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// Registers authorities and changes their status, enforcing the directory policy in one transaction.
public struct AuthorityRegistry: Sendable {
    /// The database.
    public let database: any Database

    /// Creates the registry.
    public init(database: any Database) {
        self.database = database
    }

    /// Registers `authority` (its status is forced to pending) on behalf of the coordinator `actorID`.
    @discardableResult
    public func register(_ authority: Authority, by actorID: UUID, now: Date) async throws -> Authority {
        try await database.transaction { sql in
            let actor = try await Self.coordinator(actorID, sql)
            let authority = authority.registered(by: actor.id)
            try await Self.check(authority, sql)
            try DirectoryPolicy.checkMayRegister(authority, by: actor)
            try await AuthorityRepository(sql: sql).insert(authority, now: now)
            return authority
        }
    }

    /// Applies `action` to the authority `id` on behalf of the coordinator `actorID`.
    @discardableResult
    public func apply(_ action: AuthorityStatusAction, to id: UUID, by actorID: UUID, now: Date) async throws -> Authority {
        try await database.transaction { sql in
            let actor = try await Self.coordinator(actorID, sql)
            let repository = AuthorityRepository(sql: sql)
            guard let current = try await repository.find(id) else { throw DirectoryError.unknownAuthority(id) }
            let authority = try current.taking(action, by: actor)
            try await repository.update(authority, now: now)
            return authority
        }
    }

    /// Replaces the details of an authority on behalf of the coordinator `actorID`; state and status are kept.
    @discardableResult
    public func change(_ changed: Authority, by actorID: UUID, now: Date) async throws -> Authority {
        try await database.transaction { sql in
            let actor = try await Self.coordinator(actorID, sql)
            let repository = AuthorityRepository(sql: sql)
            guard let current = try await repository.find(changed.id.uuid) else { throw DirectoryError.unknownAuthority(changed.id.uuid) }
            try DirectoryPolicy.checkMayChange(current, by: actor)
            let updated = current.replacingDetails(with: changed)
            try await Self.check(updated, sql)
            try DirectoryPolicy.checkMayChange(updated, by: actor)
            try await repository.update(updated, now: now)
            return updated
        }
    }

    private static func coordinator(_ id: UUID, _ sql: any SQLDatabase) async throws -> Coordinator {
        guard let actor = try await CoordinatorRepository(sql: sql).find(id) else { throw DirectoryError.unknownCoordinator(id) }
        return actor
    }

    private static func check(_ authority: Authority, _ sql: any SQLDatabase) async throws {
        let registry = RegistryRepository(sql: sql)
        guard let state = try await registry.memberState(authority.memberState) else {
            throw RegistryError.unknownMemberState(authority.memberState.rawValue)
        }
        try AuthorityValidation.check(authority, state: state, knownLegalAreas: try await registry.legalAreaCodes())
    }
}
