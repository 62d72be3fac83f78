import OpenIMIDomain
import Testing

@Suite struct AuthorityStatusTests {
    /// Every allowed transition; everything else must be refused.
    static let allowed: [AuthorityStatus: [AuthorityStatusAction: AuthorityStatus]] = [
        .pending: [.validate: .validated, .suspend: .suspended],
        .validated: [.suspend: .suspended],
        .suspended: [.reinstate: .validated],
    ]

    @Test(arguments: AuthorityStatus.allCases, AuthorityStatusAction.allCases)
    func transitionTableIsExhaustive(status: AuthorityStatus, action: AuthorityStatusAction) throws {
        if let expected = Self.allowed[status]?[action] {
            #expect(try status.applying(action) == expected)
        } else {
            #expect(throws: DirectoryError.invalidStatusTransition(from: status, action: action)) { try status.applying(action) }
        }
    }
}
