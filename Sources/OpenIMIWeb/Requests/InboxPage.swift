import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of the inbox page: the search form with what was typed, quick filters, and the
/// requests with their number, direction, counterpart, state, whose move it is, deadline and last change.
struct InboxPage {
    let rows: [Row]
    let hasRows: Bool
    let filters: [Filter]
    let canCreate: Bool
    let search: InboxSearchForm
    let errors: [FieldError]
    let hasErrors: Bool
    let notifications: [NotificationRow]
    let previous: String?
    let next: String?
    /// What the form that led here did.
    let done: String?

    struct Row {
        let href: String
        let number: String
        let procedure: String
        let direction: String
        let directionCode: String
        let counterpart: String
        let state: String
        let stateCode: String
        let waiting: String
        let waitingCode: String
        let deadline: String
        let status: String
        let statusLabel: String?
        let updated: String
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
        let number: String?
        let procedure: String?
        let event: String
        let href: String
    }

    init(
        inbox: Inbox, query: InboxQuery?, search: InboxSearchForm, errors: [FieldError], notifications: [RequestNotification],
        principal: Principal, names: RequestDirectory, catalog: Catalog, time: LocalTime, now: Date, done: String? = nil
    ) {
        self.done = done
        let own = principal.organisation.id.uuid?.uuidString.lowercased()
        rows = inbox.requests.map { summary in
            let state = RequestState(rawValue: summary.state) ?? .closed
            let deadline = Date(timeIntervalSince1970: TimeInterval(summary.deadline))
            let status = DeadlineStatus.of(state: state, deadline: deadline, at: now)
            let party: RequestParty = summary.requesterId == own ? .requester : summary.responderId == own ? .responder : .coordinator
            let counterpart = UUID(uuidString: party == .requester ? summary.responderId : summary.requesterId)
            let awaited = RequestWorkflow.awaitedParty(in: state, hasProposedDeadline: summary.proposedDeadline != nil)
            let waiting = awaited == nil ? "none" : awaited == party ? "us" : awaited == .coordinator ? "coordinator" : "them"
            let direction = ["requester": "sent", "responder": "received", "coordinator": "referred"][party.rawValue] ?? "received"
            return Row(
                href: Site.request.link(summary.id), number: summary.number, procedure: names.procedureName(summary.procedure),
                direction: catalog.text("inbox.directions.\(direction)"), directionCode: direction,
                counterpart: counterpart.map(names.name) ?? "—", state: catalog.text("requestState.\(state.rawValue)"),
                stateCode: state.rawValue, waiting: catalog.text("inbox.waiting.\(waiting)"), waitingCode: waiting,
                deadline: DateText.day(deadline), status: status.rawValue,
                statusLabel: status == .overdue || status == .dueSoon ? catalog.text("deadlineStatus.\(status.rawValue)") : nil,
                updated: time.minute(Date(timeIntervalSince1970: TimeInterval(summary.updatedAt))),
                allocatedToMe: summary.allocatedTo == principal.user.id.description)
        }
        hasRows = !rows.isEmpty
        self.search = search
        self.errors = errors
        hasErrors = !errors.isEmpty
        let open = InboxQuery.openStates
        let plain = query.map { $0.number == nil && $0.procedure == nil && $0.direction == nil && $0.counterpart == nil } ?? false
        let quick: [(String, String, Int?, Bool)] = [
            (
                "inbox.open", "", open.reduce(0) { $0 + (inbox.counts[$1] ?? 0) },
                plain && query?.states == open && query?.allocatedTo == nil && query?.waitingForUs == nil && query?.dueBefore == nil
            ),
            ("inbox.waitingForUs", "waiting=us", nil, query?.waitingForUs == true),
            ("inbox.waitingForThem", "waiting=them", nil, query?.waitingForUs == false),
            ("inbox.dueSoon", "due=soon", nil, query?.dueBefore != nil),
            ("inbox.mine", "mine=true", nil, query?.allocatedTo != nil),
        ]
        var filters = quick.map { key, parameters, count, current in
            Filter(
                label: catalog.text(key), href: parameters.isEmpty ? Site.requests.link() : Site.requests.link(query: parameters),
                count: count, current: current)
        }
        // Open states with requests, with their counts; the finished ones always, without.
        filters += RequestState.allCases.filter { inbox.counts[$0] != nil || $0.isFinal }.map { state in
            Filter(
                label: catalog.text("requestState.\(state.rawValue)"), href: Site.requests.link(query: "state=\(state.rawValue)"),
                count: inbox.counts[state], current: plain && query?.states == [state] && query?.allocatedTo == nil)
        }
        self.filters = filters
        canCreate = Workspace(of: principal).draftsRequests
        self.notifications = notifications.map {
            NotificationRow(
                at: time.minute(Date(timeIntervalSince1970: TimeInterval($0.at))), number: $0.number,
                procedure: $0.procedure.map(names.procedureName), event: catalog.text("notification.\($0.action)"),
                href: Site.request.link($0.requestId))
        }
        let base = Site.requests.link() + "?" + search.queryWithoutPaging.map { $0 + "&" }.joined()
        if let query {
            previous = query.offset > 0 ? "\(base)offset=\(max(0, query.offset - query.limit))" : nil
            next = inbox.requests.count == query.limit ? "\(base)offset=\(query.offset + query.limit)" : nil
        } else {
            previous = nil
            next = nil
        }
    }
}
