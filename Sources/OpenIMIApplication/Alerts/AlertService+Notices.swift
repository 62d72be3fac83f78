import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// The organisations one alert step tells of one event, with the e-mail recipients chosen before the write.
struct AlertNotices: Sendable {
    /// What they are told happened: the step, or `route` for authorities an alert reached routed
    /// by their state's automatic routing.
    let action: AlertAction
    /// The organisations whose inboxes get the notice.
    let organisations: [UUID]
    /// Where and in which language e-mails go.
    let mail: [(address: String, language: Language)]

}

extension AlertService {
    /// The notices `action` gives (``AlertNoticeRule``), read before the write transaction so that
    /// the single writer is held only for the writes.
    func notices(of action: AlertAction, before: Alert, after: Alert) async throws -> [AlertNotices] {
        let audience = AlertNoticeRule.audience(of: action, before: before, after: after)
        let area = after.legalArea.rawValue
        let coordinators = try await CoordinatorRepository(sql: database.sql).receiving(area, in: audience.coordinatorsOf)
        let authorities = audience.authorities.sorted { $0.uuidString < $1.uuidString }
        // On sending, the authorities are those the automatic routing routed it to.
        let groups: [(AlertAction, [UUID])] =
            action == .send ? [(.send, coordinators), (.route, authorities)] : [(action, coordinators + authorities)]
        var notices: [AlertNotices] = []
        let users = UserRepository(sql: database.sql)
        for (told, organisations) in groups where !organisations.isEmpty {
            var mail: [(address: String, language: Language)] = []
            for organisation in organisations {
                mail += AlertNoticeRule.mailRecipients(among: try await users.users(inOrganisation: organisation), legalArea: area)
                    .map { ($0.email, $0.language) }
            }
            notices.append(AlertNotices(action: told, organisations: organisations, mail: mail))
        }
        return notices
    }

    /// Puts the notices into the inboxes and queues the e-mails. Run inside the step's transaction.
    static func record(_ notices: [AlertNotices], on alert: Alert, sql: any SQLDatabase, at now: Date) async throws {
        for notice in notices {
            try await AlertNotificationRepository(sql: sql).record(notice.action, on: alert, for: notice.organisations, at: now)
            try await MailOutbox(sql: sql).enqueue(
                recipients: notice.mail, alertID: alert.id.uuid, action: "alert-\(notice.action.rawValue)", at: now)
        }
    }

    /// The latest alert notices of the principal's organisation: for an authority in the areas of
    /// the principal's alert roles, for a coordinator in every area it coordinates.
    public func notifications(of principal: Principal, limit: Int = 20) async throws -> [AlertNotification] {
        guard let organisation = principal.organisation.id.uuid else { return [] }
        let repository = AlertNotificationRepository(sql: database.sql)
        switch principal.organisation.kind {
        case .authority: return try await repository.latest(for: organisation, areas: readingAreas(of: principal), limit: limit)
        case .nationalCoordinator, .areaCoordinator:
            guard principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator) else { return [] }
            return try await repository.latest(for: organisation, areas: nil, limit: limit)
        case .platform: return []
        }
    }
}
