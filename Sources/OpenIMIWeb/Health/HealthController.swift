import Hummingbird
import OpenIMIApplication
import OpenIMIPersistence

/// `GET /health`: whether the database answers and its migrations are current.
struct HealthController: Sendable {
    let database: any Database

    func addRoutes(to routes: Routes) {
        routes.public(Site.health, use: health)
    }

    /// The health document.
    struct Health: Codable, Sendable {
        let status: String
        let database: String
        let migrations: MigrationState
    }

    /// Where the schema stands.
    struct MigrationState: Codable, Sendable {
        let current: Bool
        let latest: Int
        let pending: [Int]
    }

    /// `GET /health`.
    func health(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let pending = try await Migrator(database: database).pendingVersions()
        let health = Health(
            status: pending.isEmpty ? "ok" : "migrations-pending", database: database.kind.rawValue,
            migrations: .init(current: pending.isEmpty, latest: Migrations.all.map(\.version).max() ?? 0, pending: pending))
        return JSONResponse(value: health, status: pending.isEmpty ? .ok : .serviceUnavailable)
    }
}
