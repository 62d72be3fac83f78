import Foundation
import OpenIMIDomain
import SQLKit

/// The notifications of organisations' inboxes.
public struct NotificationRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records that `action` moved `request` to its state, for `organisation` (and `user`, when addressed to one).
    public func record(
        _ action: String, on request: InformationRequest, for organisation: UUID, user: UUID? = nil, at now: Date
    )
        async throws
    {
        try await sql.insert(into: "request_notification")
            .columns("id", "organisation_id", "user_id", "request_id", "legal_area", "action", "state", "at")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(organisation.uuidString.lowercased()),
                SQLBind(user?.uuidString.lowercased()), SQLBind(request.id.description), SQLBind(request.legalArea),
                SQLBind(action), SQLBind(request.state.rawValue), SQLBind(now.epochSeconds)
            ).run()
    }

    /// The latest notifications of `organisation` about requests in `areas` (those addressed to one
    /// user only for `user`), newest first.
    public func latest(for organisation: UUID, user: UUID, areas: Set<String>, limit: Int = 20) async throws -> [RequestNotification] {
        guard !areas.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT n.id, n.organisation_id, n.user_id, n.request_id, n.action, n.state, n.at, r.number, r.procedure
            FROM request_notification n LEFT JOIN information_request r ON r.id = n.request_id
            WHERE n.organisation_id = \(bind: organisation.uuidString.lowercased()) AND n.legal_area IN (\(binds: areas.sorted()))
              AND (n.user_id IS NULL OR n.user_id = \(bind: user.uuidString.lowercased()))
            ORDER BY n.at DESC, n.id LIMIT \(literal: limit)
            """
        ).all(decoding: RequestNotification.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
