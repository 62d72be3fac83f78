import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension RequestDirectory {
    /// The names an alert page mentions: the sender, every routed authority and every step's
    /// organisation and user, the alert's legal area with its procedures.
    public static func load(for alert: Alert, database: any Database, language: Language) async throws -> RequestDirectory {
        var ids: Set<UUID> = [alert.sender]
        ids.formUnion(alert.steps.map(\.actor.organisationID))
        ids.formUnion(alert.deliveries.values.flatMap(\.routedTo))
        var directory = try await load(ids, areas: [alert.legalArea.rawValue], database: database, language: language)
        directory.users = try await UserRepository(sql: database.sql).fullNames(Set(alert.steps.map(\.actor.userID.uuid)))
        return directory
    }
}
