import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// The organisations one notification step tells, with the e-mail recipients chosen before the write.
struct MeasureNotificationNotices: Sendable {
    /// The organisations whose inboxes get the notice.
    let organisations: [UUID]
    /// Where and in which language e-mails go.
    let mail: [(address: String, language: Language)]
}

extension MeasureNotificationService {
    /// The notices `action` gives (``MeasureNotificationNoticeRule``), never to the acting
    /// organisation; read before the write transaction so that the single writer is held only for
    /// the writes.
    func notices(
        of action: MeasureNotificationAction, on notification: MeasureNotification, by actingOrganisation: UUID
    ) async throws -> MeasureNotificationNotices {
        let audience = MeasureNotificationNoticeRule.audience(of: action, on: notification)
        let area = notification.legalArea.rawValue
        let coordinators = try await CoordinatorRepository(sql: database.sql).receiving(area, in: audience.states)
        let authorities = try await AuthorityRepository(sql: database.sql).validatedIDs(in: audience.states, legalArea: area)
        let mailed = (audience.sender ? [notification.sender] : []) + coordinators
        var seen: Set<UUID> = [actingOrganisation]
        let organisations = (mailed + authorities).filter { seen.insert($0).inserted }
        var mail: [(address: String, language: Language)] = []
        let users = UserRepository(sql: database.sql)
        for organisation in mailed where organisation != actingOrganisation {
            mail += MeasureNotificationNoticeRule.mailRecipients(
                among: try await users.users(inOrganisation: organisation), legalArea: area
            )
            .map { ($0.email, $0.language) }
        }
        return MeasureNotificationNotices(organisations: organisations, mail: mail)
    }

    /// Puts the notices into the inboxes and queues the e-mails. Run inside the step's transaction.
    static func record(
        _ notices: MeasureNotificationNotices, of action: MeasureNotificationAction, on id: MeasureNotificationID, sql: any SQLDatabase,
        at now: Date
    ) async throws {
        try await MeasureNotificationNoticeRepository(sql: sql).record(action, on: id, for: notices.organisations, at: now)
        try await MailOutbox(sql: sql).enqueue(
            recipients: notices.mail, notificationID: id.uuid, action: "measure-\(action.rawValue)", at: now)
    }

    /// The latest notices of the principal's organisation about notifications the principal may read.
    public func notices(of principal: Principal, limit: Int = 20) async throws -> [MeasureNotificationNotice] {
        guard let organisation = principal.organisation.id.uuid else { return [] }
        return try await MeasureNotificationNoticeRepository(sql: database.sql).latest(for: organisation, limit: limit).filter { notice in
            guard let sender = UUID(uuidString: notice.senderId), let senderState = MemberStateCode(rawValue: notice.senderState),
                let state = MeasureNotificationState(rawValue: notice.state)
            else { return false }
            return readable(sender: sender, senderState: senderState, legalArea: notice.legalArea, state: state, by: principal)
        }
    }
}
