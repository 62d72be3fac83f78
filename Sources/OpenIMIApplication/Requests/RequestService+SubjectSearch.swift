import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// A request found for a person or business: what it is, never the personal data themselves.
public struct SubjectMatch: Sendable, Equatable {
    /// The request.
    public let id: UUID
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
        let rows = try await database.sql.raw(
            """
            SELECT DISTINCT r.id, r.procedure, r.legal_area, r.state, r.retention_phase, r.created_at, r.requester_id, r.responder_id,
            r.earlier_responders, r.referred_to FROM subject_index s JOIN information_request r ON r.id = s.request_id
            WHERE s.token IN (\(binds: searchKeys.map(index.token))) ORDER BY r.created_at DESC, r.id
            """
        ).all()
        var matches: [SubjectMatch] = []
        for row in rows {
            let id = try row.decodeUUID(column: "id", table: "information_request")
            let state = try row.decode(column: "state", as: RequestState.self, table: "information_request")
            let phase = try row.decode(column: "retention_phase", as: RetentionPhase.self, table: "information_request")
            let involvement = try RequestRepository.involvement(row)
            let area = try row.decode(column: "legal_area", as: String.self)
            guard SubjectSearchScope.includes(principal, involvement: involvement, legalArea: area, state: state) else { continue }
            matches.append(
                SubjectMatch(
                    id: id, procedure: try row.decode(column: "procedure", as: String.self), legalArea: area, state: state,
                    retentionPhase: phase,
                    createdAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "created_at", as: Int64.self)))))
        }
        let found = matches
        if !found.isEmpty {
            try await database.transaction { sql in
                let log = AccessLog(sql: sql)
                for match in found {
                    try await log.record(
                        userID: principal.user.id, organisationID: try principal.actingOrganisationID(), requestID: match.id,
                        operation: .search, purpose: purpose, fields: ["subject"], at: now)
                }
            }
        }
        return found
    }
}
