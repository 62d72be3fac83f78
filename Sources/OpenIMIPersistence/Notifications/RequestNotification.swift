import Foundation
import OpenIMIDomain
import SQLKit

/// A line in an organisation's inbox: a step was taken on one of its requests. Carries no personal data.
public struct RequestNotification: Sendable, Hashable, Codable {
    public var id: String
    public var organisationId: String
    public var userId: String?
    public var requestId: String
    public var action: String
    public var state: String
    public var at: Int64
}

/// The notifications of organisations' inboxes.
public struct NotificationRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records that `action` moved `request` to its state, for `organisation` (and `user`, when addressed to one).
    public func record(_ action: String, on request: InformationRequest, for organisation: UUID, user: UUID? = nil, at now: Date)
        async throws
    {
        try await sql.insert(into: "request_notification")
            .columns("id", "organisation_id", "user_id", "request_id", "action", "state", "at")
            .values(
                SQLBind(UUID().uuidString.lowercased()), SQLBind(organisation.uuidString.lowercased()),
                SQLBind(user?.uuidString.lowercased()), SQLBind(request.id.uuidString.lowercased()), SQLBind(action),
                SQLBind(request.state.rawValue), SQLBind(now.epochSeconds)
            ).run()
    }

    /// The latest notifications of `organisation`, newest first.
    public func latest(for organisation: UUID, limit: Int = 20) async throws -> [RequestNotification] {
        try await sql.select().column("*").from("request_notification")
            .where("organisation_id", .equal, organisation.uuidString.lowercased())
            .orderBy("at", .descending).orderBy("id").limit(limit)
            .all(decoding: RequestNotification.self, keyDecodingStrategy: .convertFromSnakeCase)
    }
}
