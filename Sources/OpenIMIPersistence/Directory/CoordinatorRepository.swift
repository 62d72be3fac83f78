import Foundation
import OpenIMIDomain
import SQLKit

/// Stores national, area and regional coordinators.
public struct CoordinatorRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a coordinator; a second national coordinator of a state is refused. Run inside a transaction.
    public func insert(_ coordinator: Coordinator, now: Date) async throws {
        if coordinator.isNational, try await national(of: coordinator.memberState) != nil {
            throw DirectoryError.nationalCoordinatorExists(coordinator.memberState)
        }
        try await sql.insert(into: "coordinator")
            .model(CoordinatorRecord(coordinator, createdAt: now), keyEncodingStrategy: .convertToSnakeCase)
            .run()
    }

    /// The coordinator with `id`.
    public func find(_ id: UUID) async throws -> Coordinator? {
        try await sql.select().column("*").from("coordinator").where("id", .equal, id.uuidString.lowercased())
            .first(decoding: CoordinatorRecord.self, keyDecodingStrategy: .convertFromSnakeCase)?.coordinator()
    }

    /// The national coordinator (NIMIC) of `state`.
    public func national(of state: MemberStateCode) async throws -> Coordinator? {
        try await sql.select().column("*").from("coordinator")
            .where("member_state", .equal, state.rawValue).where("kind", .equal, CoordinatorKind.national.rawValue)
            .first(decoding: CoordinatorRecord.self, keyDecodingStrategy: .convertFromSnakeCase)?.coordinator()
    }

    /// The coordinators of `states` told what those states receive in `legalArea`
    /// (``CoordinatorScope/receives(legalArea:)``).
    public func receiving(_ legalArea: String, in states: Set<MemberStateCode>) async throws -> [UUID] {
        guard !states.isEmpty else { return [] }
        return try await all().filter { states.contains($0.memberState) && $0.scope.receives(legalArea: legalArea) }.map(\.id.uuid)
    }

    /// Every coordinator of every state, ordered by state then kind then name.
    public func all(kind: CoordinatorKind? = nil) async throws -> [Coordinator] {
        var select = sql.select().column("*").from("coordinator")
        if let kind { select = select.where("kind", .equal, kind.rawValue) }
        return try await select.orderBy("member_state").orderBy("kind").orderBy("name_en")
            .all(decoding: CoordinatorRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { try $0.coordinator() }
    }
}
