import Foundation
import OpenIMIDomain
import SQLKit

/// Whom a change tells: the counterparts of a step, or one user of the responder.
enum StepNotice: Sendable {
    /// The organisations the notification rule names, with the action's code.
    case counterparts(String)
    /// One user of the current responder, with the action's code.
    case user(UUID, String)
}

extension RequestService {
    /// Puts `action` on `request` into `organisation`'s inbox and queues an e-mail (a link, no personal
    /// data) for those of its users who should act; `user` narrows both to one addressee.
    static func notify(
        _ organisation: UUID, of action: String, on request: InformationRequest, user: UUID? = nil, sql: any SQLDatabase, at now: Date
    ) async throws {
        try await NotificationRepository(sql: sql).record(action, on: request, for: organisation, user: user, at: now)
        let users = try await UserRepository(sql: sql).users(inOrganisation: organisation)
        let recipients =
            if let user { users.filter { $0.id == user && $0.status == .active && !$0.email.isEmpty } } else {
                RequestNotificationRule.mailRecipients(among: users, of: organisation, for: request)
            }
        try await MailOutbox(sql: sql).enqueue(
            recipients: recipients.map { ($0.email, $0.language) }, requestID: request.id, action: action, at: now)
    }

    /// The latest notifications of the principal's organisation about requests in the areas of the
    /// principal's roles (as for the inbox): steps on its requests, no personal data.
    public func notifications(of principal: Principal, limit: Int = 20) async throws -> [RequestNotification] {
        let areas = try await inboxAreas(of: principal)
        guard let id = principal.organisation.id else { throw IdentityError.forbidden(.missingRole) }
        return try await NotificationRepository(sql: database.sql).latest(for: id, user: principal.user.id, areas: areas, limit: limit)
    }
}
