import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// The organisations one alert step tells, with the e-mail recipients chosen before the write.
struct AlertNotices: Sendable {
    /// The organisations whose inboxes get the notice.
    let organisations: [UUID]
    /// Where and in which language e-mails go.
    let mail: [(address: String, language: Language)]

    /// Nobody told.
    static let none = AlertNotices(organisations: [], mail: [])
}

extension AlertService {
    /// The notices `action` gives (``AlertNoticeRule``), read before the write transaction so that
    /// the single writer is held only for the writes.
    func notices(of action: AlertAction, before: Alert, after: Alert) async throws -> AlertNotices {
        guard let audience = AlertNoticeRule.audience(of: action, before: before, after: after) else { return .none }
        let organisations: [UUID]
        switch audience {
        case .coordinators(let states):
            let area = after.legalArea.rawValue
            organisations = try await CoordinatorRepository(sql: database.sql).all().filter { coordinator in
                guard states.contains(coordinator.memberState) else { return false }
                switch coordinator.scope {
                case .national: return true
                case .area(let areas): return areas.contains(area)
                case .region: return false
                }
            }.map(\.id.uuid)
        case .authorities(let authorities):
            organisations = authorities.sorted { $0.uuidString < $1.uuidString }
        }
        let users = UserRepository(sql: database.sql)
        var mail: [(address: String, language: Language)] = []
        for organisation in organisations {
            mail += AlertNoticeRule.mailRecipients(
                among: try await users.users(inOrganisation: organisation), legalArea: after.legalArea.rawValue
            ).map { ($0.email, $0.language) }
        }
        return AlertNotices(organisations: organisations, mail: mail)
    }

    /// Puts the notices into the inboxes and queues the e-mails. Run inside the step's transaction.
    static func record(_ notices: AlertNotices, of action: AlertAction, on alert: Alert, sql: any SQLDatabase, at now: Date) async throws {
        try await AlertNotificationRepository(sql: sql).record(action, on: alert, for: notices.organisations, at: now)
        try await MailOutbox(sql: sql).enqueue(
            recipients: notices.mail, alertID: alert.id.uuid, action: "alert-\(action.rawValue)", at: now)
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
