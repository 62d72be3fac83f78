import Foundation
import OpenIMIApplication
import OpenIMISecurity
import OpenIMITestSupport
import OpenIMIWeb
import Testing

/// The platform has its signing identity from the first start on, and keeps it across restarts.
@Suite struct SigningIdentityStartTests {
    @Test func theFirstStartCreatesTheKeyAndLaterStartsReuseIt() async throws {
        let location = try TestDatabase.freshLocation()
        defer { TestDatabase.remove(location) }
        var config = TestApp.config(location, demo: false)
        config.keyDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-start-\(UUID().uuidString)").path
        let first = try await Platform.open(config: config)
        try await first.database.close()
        let mode = try FileManager.default.attributesOfItem(atPath: config.keyDirectory)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let second = try await Platform.open(config: config)
        try await second.database.close()
        #expect(second.signing.keyID == first.signing.keyID)
        #expect(try SigningKeyStore(directory: URL(fileURLWithPath: config.keyDirectory)).current().keyID == first.signing.keyID)

        // A key others could read stops the start with the file named.
        let keyFile = URL(fileURLWithPath: config.keyDirectory).appendingPathComponent(first.signing.keyID).appendingPathComponent(
            "key.pem")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: keyFile.path)
        await #expect(throws: SigningKeyError.insecurePermissions(path: keyFile.path)) { _ = try await Platform.open(config: config) }
    }

    @Test func theKeyDirectoryComesFromTheEnvironment() throws {
        let config = try AppConfig.resolve(flags: [:], environment: ["OPENIMI_KEY_DIRECTORY": "/srv/openimi/keys"])
        #expect(config.keyDirectory == "/srv/openimi/keys")
        #expect(try AppConfig.resolve(flags: [:], environment: [:]).keyDirectory == "openimi-data/keys")
    }
}
