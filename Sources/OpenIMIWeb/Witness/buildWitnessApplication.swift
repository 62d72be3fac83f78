import Foundation
import Hummingbird
import Logging
import OpenIMIApplication
import OpenIMIPersistence

/// The witness's composition root: its database (migrated before it listens), its key and the logs
/// it witnesses, behind a small HTTP server.
public func buildWitnessApplication(
    witness: Witness, hostname: String, port: Int, logger: Logger
) -> some ApplicationProtocol {
    let router = Router()
    WitnessController(witness: witness).addRoutes(to: router)
    var app = Application(
        router: router, configuration: .init(address: .hostname(hostname, port: port), serverName: "OpenIMI witness"),
        services: witness.database.services + [DatabaseCloser(database: witness.database)], logger: logger)
    app.beforeServerStarts {
        try await Migrator(database: witness.database, migrations: WitnessMigrations.all).migrate()
    }
    return app
}
