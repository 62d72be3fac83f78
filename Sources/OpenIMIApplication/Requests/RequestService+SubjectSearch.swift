import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// A request found for a person or business: what it is, never the personal data themselves.
public struct SubjectMatch: Sendable, Equatable {
    /// The request.
    public let id: UUID
    /// Its number.
    public let number: String
    /// Its procedure and area.
    public let procedure: String
    /// Its legal area.
    public let legalArea: String
    /// Its workflow state.
    public let state: RequestState
    /// Whether its personal data are active, blocked or deleted.
    public let retentionPhase: RetentionPhase
    /// When it was drafted.
    public let createdAt: Date
}

extension RequestService {
    /// The requests of the principal's own authority that concern the person or business named by
    /// `searchKey` (a `SubjectKey`), active or blocked, newest first. Found through the blind index;
    /// each match is logged as a search of the request's personal data.
    public func findSubject(_ searchKey: String, by principal: Principal, now: Date) async throws -> [SubjectMatch] {
        try await findSubject(anyOf: [searchKey], by: principal, purpose: .subjectSearch, now: now)
    }

    /// The requests of the principal's own authority that concern any of `searchKeys`, logged with `purpose`.
    public func findSubject(
        anyOf searchKeys: [String], by principal: Principal, purpose: AccessPurpose, now: Date
    ) async throws -> [SubjectMatch] {
        guard SubjectSearchScope.maySearch(principal) else { throw IdentityError.forbidden(.missingRole) }
        guard !searchKeys.isEmpty else { return [] }
        let index = try await SubjectIndexRepository.index(in: database, ring: keys)
        let indexed = try await SubjectIndexRepository(sql: database.sql, ring: keys).requests(matching: searchKeys.map(index.token))
        let found = indexed.filter {
            SubjectSearchScope.includes(principal, involvement: $0.involvement, legalArea: $0.legalArea, state: $0.state)
        }.map {
            SubjectMatch(
                id: $0.id, number: $0.number, procedure: $0.procedure, legalArea: $0.legalArea, state: $0.state,
                retentionPhase: $0.retentionPhase,
                createdAt: $0.createdAt)
        }
        if !found.isEmpty {
            try await database.transaction { sql in
                let log = AccessLog(sql: sql)
                for match in found {
                    try await log.record(
                        userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: match.id,
                        operation: .search, purpose: purpose, fields: ["subject"], at: now)
                }
            }
        }
        return found
    }
}
