import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension RequestService {
    /// Routes an incoming request to `handler`, a request handler of the principal's authority; the
    /// handler is told in the inbox and by e-mail.
    public func allocate(
        _ id: RequestID, to handler: UUID, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws
        -> InformationRequest
    {
        try await change(
            id, expectedVersion: expectedVersion, by: principal, action: .allocateRequest, purpose: .allocate,
            notify: .user(handler, "allocate"), now: now
        ) { request in
            guard let account = try await UserRepository(sql: database.sql).find(handler) else {
                throw RequestStepError.allocationNotAllowed
            }
            return try request.allocating(
                to: account, by: StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID()), at: now)
        }
    }

    /// The users an allocator may route a request of `legalArea` to: active request handlers of its authority.
    public func allocatableHandlers(for principal: Principal, legalArea: String) async throws -> [UserAccount] {
        guard let id = principal.organisation.id.authority?.uuid else { return [] }
        return try await UserRepository(sql: database.sql).users(inOrganisation: id).filter {
            $0.status == .active && $0.roles.contains(.requestHandler(legalArea: legalArea))
        }
    }

    /// The authorities the principal's authority may forward `request` to: validated authorities of
    /// its own state registered for the request's area, itself excepted; none unless it is the
    /// current responder.
    public func forwardTargets(of request: InformationRequest, for principal: Principal) async throws -> [Authority] {
        guard request.involvement.isCurrentResponder(principal.organisation), let state = principal.organisation.memberState else {
            return []
        }
        return try await AuthorityRepository(sql: database.sql).list(memberState: state).filter {
            $0.status == .validated && $0.legalAreas.contains(request.legalArea.rawValue) && $0.id != request.involvement.responder
        }
    }
}
