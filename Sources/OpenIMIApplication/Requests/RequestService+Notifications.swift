import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import SQLKit

/// Whom a change tells: the counterparts of a step, or one user of the responder.
enum StepNotice: Sendable {
    /// The organisations the notification rule names, with the action's code.
    case counterparts(String)
    /// One user of the current responder, with the action's code.
    case user(UUID, String)
}

/// One organisation to tell about a step, with the e-mail recipients chosen before the write.
struct PendingNotice: Sendable {
    /// The organisation whose inbox gets the notification.
    let organisation: UUID
    /// The action's code.
    let action: String
    /// The one addressee, when the notice is for a single user.
    let user: UUID?
    /// Where and in which language e-mails go.
    let mail: [(address: String, language: Language)]
}

extension RequestService {
    /// The notices a step gives, with their e-mail recipients: users of each told organisation who
    /// should act (a link, no personal data). Read before the write transaction, so that the single
    /// writer is held only for the writes.
    static func notices(
        _ notice: StepNotice?, before: InformationRequest, after: InformationRequest, actor: UUID, sql: any SQLDatabase
    ) async throws -> [PendingNotice] {
        let targets: [(UUID, String, UUID?)] =
            switch notice {
            case .counterparts(let action):
                RequestNotificationRule.recipients(before: before, after: after, actor: actor).map { ($0, action, nil) }
            case .user(let user, let action): [(after.involvement.responder.uuid, action, user)]
            case nil: []
            }
        var notices: [PendingNotice] = []
        for (organisation, action, user) in targets {
            let users = try await UserRepository(sql: sql).users(inOrganisation: organisation)
            let recipients =
                if let user { users.filter { $0.id.uuid == user && $0.status == .active && !$0.email.isEmpty } } else {
                    RequestNotificationRule.mailRecipients(among: users, of: organisation, for: after)
                }
            notices.append(
                PendingNotice(organisation: organisation, action: action, user: user, mail: recipients.map { ($0.email, $0.language) }))
        }
        return notices
    }

    /// Puts each notice into its organisation's inbox and queues its e-mails. Run inside the step's transaction.
    static func record(_ notices: [PendingNotice], on request: InformationRequest, sql: any SQLDatabase, at now: Date) async throws {
        for notice in notices {
            try await NotificationRepository(sql: sql).record(
                notice.action, on: request, for: notice.organisation, user: notice.user, at: now)
            try await MailOutbox(sql: sql).enqueue(recipients: notice.mail, requestID: request.id.uuid, action: notice.action, at: now)
        }
    }

    /// The latest notifications of the principal's organisation about requests in the areas of the
    /// principal's roles (as for the inbox): steps on its requests, no personal data.
    public func notifications(of principal: Principal, limit: Int = 20) async throws -> [RequestNotification] {
        let areas = try await inboxAreas(of: principal)
        guard let id = principal.organisation.id.uuid else { throw IdentityError.forbidden(.missingRole) }
        return try await NotificationRepository(sql: database.sql).latest(for: id, user: principal.user.id.uuid, areas: areas, limit: limit)
    }
}
