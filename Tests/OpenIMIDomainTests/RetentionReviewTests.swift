import Foundation
import OpenIMIDomain
import Testing

/// Unclosed requests are flagged after the review period; blocked data are opened only with a
/// purpose, a justification and, for a data subject's request, its reference, by an involved
/// authority's local data administrator.
@Suite struct RetentionReviewTests {
    @Test func unclosedRequestsAreDueAfterTheReviewPeriodOnly() throws {
        let review = try RetentionReview(afterMonths: 18)
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(!review.isDue(formalClosure: nil, lastActivity: start, at: start.addingTimeInterval(17 * 30 * 86_400)))
        #expect(review.isDue(formalClosure: nil, lastActivity: start, at: start.addingTimeInterval(19 * 31 * 86_400)))
        #expect(!review.isDue(formalClosure: start, lastActivity: start, at: start.addingTimeInterval(40 * 31 * 86_400)))
        #expect(throws: RegistryError.invalidRetentionPeriod(months: 0)) { try RetentionReview(afterMonths: 0) }
    }

    @Test func anOpeningNeedsAJustificationAndForRightsAReference() throws {
        #expect(throws: RequestStepError.invalidOpening("justification", .required)) {
            try BlockedDataOpening(purpose: .proofOfExchange, justification: " \n", rightsRequestReference: nil)
        }
        #expect(throws: RequestStepError.invalidOpening("rightsRequestReference", .required)) {
            try BlockedDataOpening(purpose: .dataSubjectRights, justification: "Access request", rightsRequestReference: "")
        }
        #expect(throws: RequestStepError.invalidOpening("justification", .tooLong(maximum: 2000))) {
            try BlockedDataOpening(
                purpose: .proofOfExchange, justification: String(repeating: "x", count: 2001), rightsRequestReference: nil)
        }
        let opening = try BlockedDataOpening(purpose: .proofOfExchange, justification: " Court case ", rightsRequestReference: "ignored")
        #expect(opening.justification == "Court case" && opening.rightsRequestReference == nil)
    }

    @Test func onlyAnInvolvedAuthoritysDataAdministratorMayOpen() {
        let requester = UUID(), responder = UUID(), stranger = UUID()
        let involvement = Involvement(requester: AuthorityID(requester), responder: AuthorityID(responder))
        func principal(_ organisation: UUID, _ roles: Set<Role>) -> Principal {
            NeedToKnowTests().principal(
                Organisation(id: .authority(AuthorityID(organisation)), memberState: .dk, legalAreas: ["services"]), roles)
        }
        let target = AccessTarget.request(involvement, legalArea: "services", state: .closed)
        #expect(AccessPolicy.decide(principal(responder, [.localDataAdministrator]), .openBlockedData, on: target).isAllowed)
        #expect(
            AccessPolicy.decide(principal(requester, [.requestHandler(legalArea: "services")]), .openBlockedData, on: target)
                == .deny(.missingRole))
        #expect(
            AccessPolicy.decide(principal(stranger, [.localDataAdministrator]), .openBlockedData, on: target) == .deny(.otherOrganisation))
    }
}
