import OpenIMIApplication
import OpenIMIPersistence
import Testing

@testable import OpenIMIWeb

/// The owner role's address must be the application's database, reached as another role.
@Suite struct DatabaseOwnerConfigTests {
    @Test func theOwnerURLMustNameTheSameDatabase() throws {
        let app = "postgres://openimi_app:a@db.example:5432/openimi"
        let config = try AppConfig.resolve(
            flags: [:],
            environment: ["DATABASE_URL": app, "OPENIMI_DATABASE_OWNER_URL": "postgres://openimi_owner:o@db.example:5432/openimi"])
        guard case .postgres(let owner) = config.databaseOwner else {
            Issue.record("no owner address")
            return
        }
        #expect(owner.user == "openimi_owner")
        #expect(try AppConfig.resolve(flags: [:], environment: ["DATABASE_URL": app]).databaseOwner == nil)
        for wrong in ["postgres://openimi_owner:o@db.example:5432/other", "sqlite:openimi.sqlite"] {
            #expect(throws: ConfigurationError.self) {
                try AppConfig.resolve(flags: [:], environment: ["DATABASE_URL": app, "OPENIMI_DATABASE_OWNER_URL": wrong])
            }
        }
        #expect(throws: ConfigurationError.self) {
            try AppConfig.resolve(flags: [:], environment: ["OPENIMI_DATABASE_OWNER_URL": "postgres://o:o@db.example:5432/openimi"])
        }
    }
}
