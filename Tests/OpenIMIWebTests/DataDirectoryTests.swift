import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// The state of a server on the embedded default lives in one owner-only data directory that the
/// repository ignores; key files others can read are refused, naming the file and the fix.
@Suite struct DataDirectoryTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-data-\(UUID().uuidString)")
        return directory
    }

    @Test func everyDefaultFileIsInTheDataDirectory() throws {
        let config = try AppConfig.resolve(flags: [:], environment: [:])
        #expect(config.dataDirectory == "openimi-data")
        #expect(config.database == .sqlite(path: "openimi-data/openimi.sqlite"))
        for path in [config.secretKeyFile, config.masterKeyFile, config.keyDirectory, config.demoCredentialsFile ?? ""] {
            #expect(path.hasPrefix("openimi-data/"), "\(path)")
        }
        let moved = try AppConfig.resolve(flags: [.dataDirectory: "/srv/openimi"], environment: [:])
        #expect(moved.database == .sqlite(path: "/srv/openimi/openimi.sqlite") && moved.masterKeyFile == "/srv/openimi/openimi-master.key")
        let named = try AppConfig.resolve(flags: [.masterKeyFile: "/etc/openimi/master.key"], environment: [:])
        #expect(named.masterKeyFile == "/etc/openimi/master.key" && named.secretKeyFile == "openimi-data/openimi-secret.key")
        // The repository ignores the default data directory.
        let ignore = try String(
            contentsOf: URL(fileURLWithPath: #filePath).appendingPathComponent("../../../.gitignore").standardized, encoding: .utf8)
        #expect(
            ignore.split(separator: "\n").contains("openimi-data/"),
            "a data directory anywhere in the tree (a command run in a subfolder makes one there)")
    }

    @Test func aFirstStartCreatesTheDirectoryDatabaseAndKeysOwnerOnly() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try AppConfig.resolve(flags: [.dataDirectory: directory.path], environment: [:])
        let platform = try await Platform.open(config: config)
        try await platform.run { try await platform.prepare() }
        func mode(_ path: String) throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        }
        #expect(try mode(directory.path) == 0o700)
        for file in ["openimi.sqlite", "openimi-secret.key", "openimi-master.key"] {
            #expect(try mode(directory.appendingPathComponent(file).path) & 0o077 == 0, "\(file)")
        }
        for file in ["openimi.sqlite-wal", "openimi.sqlite-shm"]
        where FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) {
            #expect(try mode(directory.appendingPathComponent(file).path) & 0o077 == 0, "\(file)")
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o660])
    func aKeyFileOthersCanReadIsRefusedNamingItAndTheFix(mode: Int) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["openimi-master.key", "openimi-secret.key"] {
            let file = directory.appendingPathComponent(name)
            _ = try KeyFile.load(environmentValue: nil, file: file, random: SystemSecureRandom())
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
            #expect(throws: SecretBoxError.insecurePermissions(file.path)) {
                try KeyFile.load(environmentValue: nil, file: file, random: SystemSecureRandom())
            }
            #expect("\(SecretBoxError.insecurePermissions(file.path))".contains("chmod 600 \(file.path)"))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            #expect(try KeyFile.load(environmentValue: nil, file: file, random: SystemSecureRandom()).count == 32)
        }
    }
}

/// The address sign-in throttling counts: `X-Forwarded-For` only from a configured proxy.
@Suite struct ClientAddressTests {
    @Test func forwardedForIsBelievedOnlyFromATrustedProxy() throws {
        let trusted: Set<String> = ["10.0.0.5", "10.0.0.6"]
        #expect(ClientAddressMiddleware.client(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"], trusted: trusted) == "203.0.113.9")
        #expect(ClientAddressMiddleware.client(peer: "10.0.0.5", forwardedFor: ["198.51.100.1"], trusted: trusted) == "198.51.100.1")
        // A client's own forged entries stand to the left of what the proxies appended.
        #expect(
            ClientAddressMiddleware.client(peer: "10.0.0.5", forwardedFor: ["1.2.3.4, 198.51.100.1", "10.0.0.6"], trusted: trusted)
                == "198.51.100.1")
        #expect(ClientAddressMiddleware.client(peer: "10.0.0.5", forwardedFor: [], trusted: trusted) == "10.0.0.5")
        // A server listening on :: sees an IPv4 proxy as an IPv4-mapped address.
        #expect(ClientAddressMiddleware.client(peer: "::ffff:10.0.0.5", forwardedFor: ["198.51.100.1"], trusted: trusted) == "198.51.100.1")
        #expect(try AppConfig.resolve(flags: [.trustedProxies: "10.0.0.5, ::1"], environment: [:]).trustedProxies == ["10.0.0.5", "::1"])
        #expect(throws: ConfigurationError.self) { try AppConfig.resolve(flags: [.trustedProxies: "proxy.example"], environment: [:]) }
    }
}

/// An installation from before the data directory is not silently replaced by an empty one.
@Suite struct EarlierLayoutTests {
    @Test func theDatabaseAndKeysOfTheEarlierLayoutStopTheStartNamingTheMove() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("openimi-earlier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        let config = try AppConfig.resolve(flags: [:], environment: [:])
        #expect(config.earlierLayoutFiles(in: base.path).isEmpty)
        for name in ["openimi.sqlite", "openimi-master.key"] {
            FileManager.default.createFile(atPath: base.appendingPathComponent(name).path, contents: Data())
        }
        #expect(config.earlierLayoutFiles(in: base.path) == ["openimi.sqlite", "openimi-master.key"])
        // Named elsewhere, or once the data directory exists, they are no concern of the start.
        let named = try AppConfig.resolve(
            flags: [.databaseURL: "sqlite:elsewhere.sqlite", .masterKeyFile: "/etc/openimi/master.key"], environment: [:])
        #expect(named.earlierLayoutFiles(in: base.path).isEmpty)
        try FileManager.default.createDirectory(at: base.appendingPathComponent("openimi-data"), withIntermediateDirectories: true)
        #expect(config.earlierLayoutFiles(in: base.path).isEmpty)
    }
}
