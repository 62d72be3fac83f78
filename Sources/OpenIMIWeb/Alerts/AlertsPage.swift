import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The alerts page: the procedures the user may draft, then the alerts by the part the user's
/// authority plays — sent by it, routed to it, to route for the coordinators, the Commission's view.
/// Rows carry no personal data.
struct AlertsPage {
    struct Row {
        let href: String
        let number: String
        let procedure: String
        let from: String
        let state: String
        let stateCode: String
        let delivery: String?
        let sent: String
        let updated: String
        let dataDeleted: Bool
    }

    struct Section {
        let id: String
        let heading: String
        let rows: [Row]
        let hasRows: Bool
        let showsDelivery: Bool
    }

    struct NewLink {
        let href: String
        let label: String
    }

    struct Notice {
        let at: String
        let number: String
        let procedure: String
        let event: String
        let href: String
    }

    /// The automatic routing of one legal area, for a coordinator.
    struct RoutingArea {
        let code: String
        let name: String
        let choices: [AlertPage.Choice]
    }

    let routing: [RoutingArea]
    let hasRouting: Bool
    let notices: [Notice]
    let hasNotices: Bool
    let newLinks: [NewLink]
    let sections: [Section]
    let done: String?

    init(
        lists: AlertLists, notifications: [AlertNotification], names: RequestDirectory, states: [MemberStateCode: String],
        routing routingAreas: [RoutingArea], catalog: Catalog, time: LocalTime, done: String?
    ) {
        func row(_ summary: AlertSummary) -> Row {
            Row(
                href: Site.alert.link(summary.id), number: summary.number.description,
                procedure: names.procedureName(summary.procedure.rawValue),
                from: states[summary.senderState] ?? summary.senderState.rawValue,
                state: catalog.text("alertState.\(summary.state.rawValue)"), stateCode: summary.state.rawValue,
                delivery: summary.delivery.map { catalog.text("alertDelivery.\($0.rawValue)") },
                sent: summary.sentAt.map(time.day) ?? "—", updated: time.minute(summary.updatedAt),
                dataDeleted: summary.retentionPhase == .deleted)
        }
        func section(_ id: String, _ summaries: [AlertSummary], delivery: Bool) -> Section {
            Section(
                id: id, heading: catalog.text("alerts.\(id)"), rows: summaries.map(row), hasRows: !summaries.isEmpty,
                showsDelivery: delivery)
        }
        notices = notifications.map {
            Notice(
                at: time.minute(Date(timeIntervalSince1970: TimeInterval($0.at))), number: $0.number,
                procedure: names.procedureName($0.procedure), event: catalog.text("notification.alert-\($0.action)"),
                href: Site.alert.link($0.alertId))
        }
        hasNotices = !notices.isEmpty
        self.routing = routingAreas
        hasRouting = !routingAreas.isEmpty
        newLinks = lists.draftable.map {
            NewLink(
                href: Site.newAlert.link(query: "procedure=\($0)"),
                label: catalog.text("alerts.new", ["procedure": names.procedureName($0)]))
        }
        var sections: [Section] = []
        if lists.reads {
            sections.append(section("sent", lists.sent, delivery: false))
            sections.append(section("received", lists.received, delivery: true))
        }
        if lists.routes { sections.append(section("toRoute", lists.toRoute, delivery: true)) }
        if lists.seesCommission { sections.append(section("commission", lists.commission, delivery: false)) }
        self.sections = sections
        self.done = done.map { catalog.text("alerts.done.\($0)") }
    }
}
