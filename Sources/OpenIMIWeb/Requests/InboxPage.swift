import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of the inbox page: requests by state and deadline, with late and nearly late ones marked.
struct InboxPage {
    let rows: [Row]
    let hasRows: Bool
    let filters: [Filter]
    let canCreate: Bool
    let notifications: [NotificationRow]
    let previous: String?
    let next: String?

    struct Row {
        let href: String
        let procedure: String
        let direction: String
        let counterpart: String
        let state: String
        let deadline: String
        let status: String
        let statusLabel: String?
        let allocatedToMe: Bool
    }

    struct Filter {
        let label: String
        let href: String
        let count: Int?
        let current: Bool
    }

    struct NotificationRow {
        let at: String
        let event: String
        let href: String
    }

    init(
        inbox: Inbox, query: InboxQuery, notifications: [RequestNotification], principal: Principal, names: RequestDirectory,
        catalog: Catalog, now: Date
    ) {
        let own = principal.organisation.id.uuid?.uuidString.lowercased()
        rows = inbox.requests.map { summary in
            let state = RequestState(rawValue: summary.state) ?? .closed
            let deadline = Date(timeIntervalSince1970: TimeInterval(summary.deadline))
            let status = DeadlineStatus.of(state: state, deadline: deadline, at: now)
            let outgoing = summary.requesterId == own
            let counterpart = UUID(uuidString: outgoing ? summary.responderId : summary.requesterId)
            return Row(
                href: Site.request.link(summary.id), procedure: names.procedureName(summary.procedure),
                direction: catalog.text(outgoing ? "inbox.outgoing" : summary.responderId == own ? "inbox.incoming" : "inbox.referred"),
                counterpart: counterpart.map(names.name) ?? "—", state: catalog.text("requestState.\(state.rawValue)"),
                deadline: DateText.day(deadline), status: status.rawValue,
                statusLabel: status == .overdue || status == .dueSoon ? catalog.text("deadlineStatus.\(status.rawValue)") : nil,
                allocatedToMe: summary.allocatedTo == principal.user.id.description)
        }
        hasRows = !rows.isEmpty
        let open = InboxQuery.openStates
        var filters = [
            Filter(
                label: catalog.text("inbox.open"), href: Site.requests.link(), count: open.reduce(0) { $0 + (inbox.counts[$1] ?? 0) },
                current: query.states == open && query.allocatedTo == nil),
            Filter(
                label: catalog.text("inbox.mine"), href: Site.requests.link(query: "mine=true"), count: nil,
                current: query.allocatedTo != nil),
        ]
        // Open states with requests, with their counts; the finished ones always, without.
        filters += RequestState.allCases.filter { inbox.counts[$0] != nil || $0.isFinal }.map { state in
            Filter(
                label: catalog.text("requestState.\(state.rawValue)"), href: Site.requests.link(query: "state=\(state.rawValue)"),
                count: inbox.counts[state],
                current: query.states == [state] && query.allocatedTo == nil)
        }
        self.filters = filters
        canCreate = Workspace(of: principal).draftsRequests
        self.notifications = notifications.map {
            NotificationRow(
                at: DateText.day(Date(timeIntervalSince1970: TimeInterval($0.at))), event: catalog.text("notification.\($0.action)"),
                href: Site.request.link($0.requestId))
        }
        let base =
            query.allocatedTo != nil
            ? Site.requests.link(query: "mine=true&")
            : query.states == open
                ? Site.requests.link() + "?"
                : Site.requests.link(query: "state=\(query.states.map(\.rawValue).sorted().joined(separator: ","))&")
        previous = query.offset > 0 ? "\(base)offset=\(max(0, query.offset - query.limit))" : nil
        next = inbox.requests.count == query.limit ? "\(base)offset=\(query.offset + query.limit)" : nil
    }
}
