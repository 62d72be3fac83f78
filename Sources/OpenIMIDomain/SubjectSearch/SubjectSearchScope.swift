/// Which of the requests that concern a person a user may find: only those of their own authority,
/// all of them for its local data administrator (who answers the person's rights requests), and
/// for others those in the legal areas they hold a case role in.
public enum SubjectSearchScope {
    /// Whether `principal` may search at all.
    public static func maySearch(_ principal: Principal) -> Bool {
        guard principal.user.status == .active, principal.organisation.kind == .authority else { return false }
        return principal.holds(.localDataAdministrator) || principal.user.roles.contains { $0.legalArea != nil }
    }

    /// Whether `principal` may see the request with `involvement` in `legalArea` among the results.
    public static func includes(_ principal: Principal, involvement: Involvement, legalArea: String) -> Bool {
        guard maySearch(principal), let party = involvement.party(of: principal.organisation), party != .coordinator else { return false }
        return principal.holds(.localDataAdministrator) || principal.user.roles.contains { $0.legalArea == legalArea }
    }
}
