import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of `/notifications`: what the user may start, the notifications received by its
/// member state in its areas, and those of its organisation.
struct MeasureNotificationsPage {
    /// A link to start one.
    struct NewLink {
        let href: String
        let label: String
    }

    /// One notification in a list.
    struct Row {
        let number: String
        let href: String
        let title: String
        let procedure: String
        let from: String
        let state: String
        let stateCode: String
        let sent: String
    }

    /// A list with its heading.
    struct Section {
        let id: String
        let heading: String
        let rows: [Row]
        let hasRows: Bool
    }

    let newLinks: [NewLink]
    let sections: [Section]
    /// The organisation's latest notices: number, procedure and what happened.
    let notices: [AlertsPage.Notice]
    let hasNotices: Bool
    let done: String?

    init(
        lists: MeasureNotificationLists, notices: [MeasureNotificationNotice], procedures: [String], names: RequestDirectory,
        catalog: Catalog, time: LocalTime, done: String?
    ) {
        newLinks = procedures.map {
            NewLink(
                href: Site.newNotification.link(query: "procedure=\($0)"),
                label: catalog.text("notifications.new", ["procedure": names.procedureName($0)]))
        }
        func rows(_ summaries: [MeasureNotificationSummary]) -> [Row] {
            summaries.map {
                Row(
                    number: $0.number, href: Site.notification.link($0.id.description), title: $0.title,
                    procedure: names.procedureName($0.procedure.rawValue),
                    from: names.name($0.sender),
                    state: catalog.text("notificationState.\($0.state.rawValue)"), stateCode: $0.state.rawValue,
                    sent: $0.sentAt.map(time.minute) ?? "—")
            }
        }
        sections = [
            ("received", catalog.text("notifications.received"), rows(lists.received)),
            ("sent", catalog.text("notifications.sent"), rows(lists.sent)),
        ].map { Section(id: $0.0, heading: $0.1, rows: $0.2, hasRows: !$0.2.isEmpty) }
        self.notices = notices.map {
            AlertsPage.Notice(
                at: time.minute(Date(timeIntervalSince1970: TimeInterval($0.at))), number: $0.number,
                procedure: names.procedureName($0.procedure), event: catalog.text("notification.measure-\($0.action)"),
                href: Site.notification.link($0.notificationId))
        }
        hasNotices = !self.notices.isEmpty
        self.done = done.map { catalog.text("notifications.done.\($0)") }
    }
}
