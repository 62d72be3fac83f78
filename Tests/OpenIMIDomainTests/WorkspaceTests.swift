import OpenIMIDomain
import Testing

/// What each role's work area offers is decided in the domain, not by the pages.
@Suite struct WorkspaceTests {
    @Test func eachRoleSeesItsOwnWork() {
        let handler = Workspace(of: AccessPolicyMatrixTests.principal(.requestHandler))
        #expect(handler.seesRequests && handler.draftsRequests && handler.searchesSubjects)
        #expect(!handler.managesUsers && !handler.keepsRightsRegister && !handler.answersCoordinatorQuestions)

        let reader = Workspace(of: AccessPolicyMatrixTests.principal(.reader))
        #expect(reader.seesRequests && !reader.draftsRequests)

        let administrator = Workspace(of: AccessPolicyMatrixTests.principal(.localDataAdministrator))
        #expect(administrator.managesUsers && administrator.keepsRightsRegister && !administrator.seesRequests)

        let coordinator = Workspace(of: AccessPolicyMatrixTests.principal(.nationalCoordinator))
        #expect(coordinator.answersCoordinatorQuestions && coordinator.seesOverdueUserLists && coordinator.seesRequests)
        #expect(!coordinator.draftsRequests)

        let platformOperator = Workspace(of: AccessPolicyMatrixTests.principal(.platformOperator))
        #expect(platformOperator.managesUsers && !platformOperator.seesRequests && !platformOperator.draftsRequests)
    }
}
