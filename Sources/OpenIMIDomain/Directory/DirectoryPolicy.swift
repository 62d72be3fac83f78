/// Who may register, validate and change authorities and coordinators.
///
/// A coordinator acts only within its own member state; a national coordinator over the whole state,
/// an area coordinator over authorities whose legal areas all lie in its areas, a regional coordinator
/// over authorities of its region. Only the national coordinator appoints further coordinators.
public enum DirectoryPolicy {
    /// Checks that `coordinator` may register `authority` (a new registration).
    public static func checkMayRegister(_ authority: Authority, by coordinator: Coordinator) throws(DirectoryError) {
        try checkScope(of: coordinator, covers: authority)
    }

    /// Checks that `coordinator` may apply `action` to `authority`, returning the new status.
    public static func status(
        after action: AuthorityStatusAction, of authority: Authority, by coordinator: Coordinator
    ) throws(DirectoryError) -> AuthorityStatus {
        try checkScope(of: coordinator, covers: authority)
        return try authority.status.applying(action)
    }

    /// Checks that `coordinator` may change the details of `authority`.
    public static func checkMayChange(_ authority: Authority, by coordinator: Coordinator) throws(DirectoryError) {
        try checkScope(of: coordinator, covers: authority)
    }

    /// Checks that `appointer` may appoint `appointee`, an area or regional coordinator.
    public static func checkMayAppoint(_ appointee: Coordinator, by appointer: Coordinator) throws(DirectoryError) {
        guard appointer.memberState == appointee.memberState else {
            throw .otherMemberState(actor: appointer.memberState, target: appointee.memberState)
        }
        guard appointer.isNational else { throw .notNationalCoordinator }
        guard !appointee.isNational else { throw .nationalCoordinatorExists(appointee.memberState) }
    }

    private static func checkScope(of coordinator: Coordinator, covers authority: Authority) throws(DirectoryError) {
        try checkScope(memberState: coordinator.memberState, scope: coordinator.scope, covers: authority)
    }

    /// Checks that a coordinator of `memberState` with `scope` covers `authority`.
    public static func checkScope(
        memberState: MemberStateCode, scope: CoordinatorScope, covers authority: Authority
    ) throws(DirectoryError) {
        guard memberState == authority.memberState else {
            throw .otherMemberState(actor: memberState, target: authority.memberState)
        }
        switch scope {
        case .national:
            return
        case .area(let areas):
            guard !authority.legalAreas.isEmpty, Set(authority.legalAreas).isSubset(of: areas) else {
                throw .outsideCoordinatorScope
            }
        case .region(let region):
            guard authority.address.region?.caseInsensitiveCompare(region) == .orderedSame else {
                throw .outsideCoordinatorScope
            }
        }
    }
}
