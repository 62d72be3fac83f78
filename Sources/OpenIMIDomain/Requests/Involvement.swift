import Foundation

/// Who takes part in a request: only these may see its personal data (IMI Regulation, Art. 9(4)).
public struct Involvement: Sendable, Hashable, Codable {
    /// The requesting authority.
    public var requester: AuthorityID
    /// The current responding authority.
    public var responder: AuthorityID
    /// Authorities that held the request before it was forwarded.
    public var earlierResponders: [AuthorityID]
    /// The coordinator the request was referred to, if any.
    public var referredTo: CoordinatorID?

    /// Creates the involvement of a new request.
    public init(requester: AuthorityID, responder: AuthorityID, earlierResponders: [AuthorityID] = [], referredTo: CoordinatorID? = nil) {
        self.requester = requester
        self.responder = responder
        self.earlierResponders = earlierResponders
        self.referredTo = referredTo
    }

    /// The part `organisation` plays, or nil when it is not involved.
    public func party(of organisation: Organisation) -> RequestParty? {
        switch organisation.id {
        case .authority(let id):
            if id == requester { return .requester }
            if id == responder || earlierResponders.contains(id) { return .responder }
            return nil
        case .nationalCoordinator(let id), .areaCoordinator(let id):
            return id == referredTo ? .coordinator : nil
        case .platform:
            return nil
        }
    }

    /// Whether `principal` may see the personal data of a request in `legalArea` with this involvement:
    /// an active user with a role in that legal area at an involved authority, or of the coordinator
    /// it was referred to. Everyone else — other authorities, users of the same authority without
    /// a role in the area, uninvolved coordinators and the operator — sees none.
    public func mayReadPersonalData(_ principal: Principal, legalArea: String) -> Bool {
        guard principal.user.status == .active, principal.organisation.isActive, let party = party(of: principal.organisation) else {
            return false
        }
        switch party {
        case .requester, .responder:
            return principal.user.roles.contains { $0.legalArea == legalArea }
        case .coordinator:
            return principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator)
        }
    }

    /// Whether the current responder (not an earlier one) acts, for steps only the holder may take.
    public func isCurrentResponder(_ organisation: Organisation) -> Bool {
        organisation.id == .authority(responder)
    }
}
