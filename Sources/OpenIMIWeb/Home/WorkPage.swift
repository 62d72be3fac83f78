import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of a signed-in user's home page: what needs their action now, each with a count and
/// a link to the matching requests; then what waits for the other side; a coordinator's counts for
/// their scope. Only numbers: no personal data, no single request.
struct WorkPage {
    let fullName: String
    let organisation: String
    let needsAction: [Item]
    let hasNeedsAction: Bool
    let waiting: [Item]
    let hasWaiting: Bool
    let duties: [Item]
    let hasDuties: Bool
    let scope: [Item]
    let hasScope: Bool
    let canCreate: Bool
    let seesRequests: Bool

    /// One line: a label, its count, where the matching work is, and whether it is urgent.
    struct Item {
        let id: String
        let label: String
        let count: Int
        /// Where the matching requests are listed; nil for a count the reader cannot open (a coordinator's scope).
        let href: String?
        let urgent: Bool
        let isZero: Bool
    }

    /// The situations of the home page, in the order they are listed, each with the inbox search that lists them.
    struct Situation: Sendable {
        let id: String
        let query: String
        let matches: @Sendable (WorkloadCount) -> Int
    }

    static let actionSituations: [Situation] = [
        Situation(id: "new", query: "direction=received&state=forwarded,sent") {
            $0.party == .responder && ($0.state == .sent || $0.state == .forwarded) ? $0.count : 0
        },
        Situation(id: "toAnswer", query: "direction=received&state=accepted&waiting=us") {
            $0.party == .responder && $0.state == .accepted && !$0.hasProposedDeadline ? $0.count : 0
        },
        Situation(id: "additionalInformation", query: "direction=sent&state=additional-information-requested") {
            $0.party == .requester && $0.state == .additionalInformationRequested ? $0.count : 0
        },
        Situation(id: "answersToReview", query: "direction=sent&state=answered") {
            $0.party == .requester && $0.state == .answered ? $0.count : 0
        },
        Situation(id: "deadlineProposals", query: "direction=sent&state=accepted&waiting=us") {
            $0.party == .requester && $0.state == .accepted && $0.hasProposedDeadline ? $0.count : 0
        },
        Situation(id: "referredToUs", query: "state=referred") { $0.party == .coordinator && $0.state == .referred ? $0.count : 0 },
        Situation(id: "drafts", query: "state=draft") { $0.party == .requester && $0.state == .draft ? $0.count : 0 },
        Situation(id: "overdue", query: "due=overdue") { $0.overdue },
        Situation(id: "dueSoon", query: "due=soon") { $0.dueSoon },
    ]

    init(
        principal: Principal, organisationName: String, workload: Workload?, duties: [(id: String, count: Int, href: String)],
        catalog: Catalog
    ) {
        let workspace = Workspace(of: principal)
        fullName = principal.user.fullName
        organisation = organisationName
        canCreate = workspace.draftsRequests
        seesRequests = workspace.seesRequests
        let isCoordinator = principal.organisation.kind != .authority
        needsAction =
            (workload.map { workload in
                Self.actionSituations.filter { situation in
                    // A coordinator works on referrals only; an authority never has any.
                    isCoordinator ? situation.id == "referredToUs" : situation.id != "referredToUs"
                }.map { situation in
                    let count = workload.counts.reduce(0) { $0 + situation.matches($1) }
                    return Item(
                        id: "work-\(situation.id)", label: catalog.text("work.\(situation.id)"), count: count,
                        href: Site.requests.link(query: situation.query), urgent: situation.id == "overdue" && count > 0, isZero: count == 0
                    )
                }
                    + (workload.allocatedToMe > 0 || workspace.draftsRequests
                        ? [
                            Item(
                                id: "work-mine", label: catalog.text("work.mine"), count: workload.allocatedToMe,
                                href: Site.requests.link(query: "mine=true"), urgent: false, isZero: workload.allocatedToMe == 0)
                        ] : [])
            }) ?? []
        hasNeedsAction = !needsAction.isEmpty
        let others = workload.map { workload in
            workload.counts.filter {
                let awaited = RequestWorkflow.awaitedParty(in: $0.state, hasProposedDeadline: $0.hasProposedDeadline)
                return awaited != nil && awaited != $0.party
            }.reduce(0) { $0 + $1.count }
        }
        waiting =
            others.map {
                [
                    Item(
                        id: "work-waiting", label: catalog.text("work.waiting"), count: $0, href: Site.requests.link(query: "waiting=them"),
                        urgent: false, isZero: $0 == 0)
                ]
            } ?? []
        hasWaiting = !waiting.isEmpty
        self.duties = duties.map {
            Item(
                id: "duty-\($0.id)", label: catalog.text("work.duty.\($0.id)"), count: $0.count, href: $0.href,
                urgent: $0.count > 0 && $0.id.hasSuffix("Overdue"), isZero: $0.count == 0)
        }
        hasDuties = !self.duties.isEmpty
        scope =
            workload?.scope.map { counts in
                [("open", counts.open), ("overdue", counts.overdue), ("referred", counts.referred)].map {
                    Item(
                        id: "scope-\($0.0)", label: catalog.text("work.scope.\($0.0)"), count: $0.1, href: nil,
                        urgent: $0.0 == "overdue" && $0.1 > 0, isZero: $0.1 == 0)
                }
            } ?? []
        hasScope = !scope.isEmpty
    }
}
