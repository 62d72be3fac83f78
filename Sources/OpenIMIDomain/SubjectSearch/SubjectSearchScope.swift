/// Which of the requests that concern a person a user may find: only those of their own authority,
/// all of them for its local data administrator (who answers the person's rights requests), and
/// for others those in the legal areas they hold a case role in.
public enum SubjectSearchScope {
    /// Whether `principal` may search at all.
    public static func maySearch(_ principal: Principal) -> Bool {
        guard principal.user.status == .active, principal.organisation.kind == .authority else { return false }
        return principal.holds(.localDataAdministrator) || principal.user.roles.contains { $0.legalArea != nil }
    }

    /// Whether `principal` may see the request with `involvement` in `legalArea`, now in `state`, among the results.
    public static func includes(_ principal: Principal, involvement: Involvement, legalArea: String, state: RequestState) -> Bool {
        guard maySearch(principal), isKnown(to: principal, involvement: involvement, state: state) else { return false }
        return principal.holds(.localDataAdministrator) || principal.user.roles.contains { $0.legalArea == legalArea }
    }

    /// Whether the request with `involvement` in `state` exists at all for `principal`'s authority:
    /// it takes part in it other than as a coordinator, and a draft belongs to its requester alone
    /// (the addressee learns of a request only when it is sent).
    public static func isKnown(to principal: Principal, involvement: Involvement, state: RequestState) -> Bool {
        guard let party = involvement.party(of: principal.organisation), party != .coordinator else { return false }
        return state != .draft || party == .requester
    }
}
