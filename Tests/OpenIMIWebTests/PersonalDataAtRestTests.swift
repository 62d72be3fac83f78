import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIWeb

/// Encryption at rest: the database alone — the SQLite file and its journal, or every PostgreSQL
/// row as text — holds no demo person's name, identifier, answer or comment, nor an attachment's
/// name or content, nor a stored API result; through the application they all read back.
@Suite struct PersonalDataAtRestTests {
    static let attachmentName = "Brzęczyszczykiewicz-diploma.pdf"
    static let attachmentMarker = "UniqueAttachmentContent4711"
    static let apiSubject = "Zbigniewa"

    @Test func theDatabaseAloneRevealsNoPersonalData() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let responder = try #require(users["si.handler"]?.organisationId)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(14 * 86_400))
            // Drafted with an Idempotency-Key, so its response (with the person) is stored for replays.
            let created = try await client.execute(
                uri: "/api/v1/requests", method: .post,
                headers: [.authorization: "Bearer \(dk)", .contentType: "application/json", IdempotencyMiddleware.header: "at-rest-1"],
                body: ByteBuffer(
                    string:
                        #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"person","givenNames":"\#(Self.apiSubject)","familyNames":"Brzęczyszczykiewicz","nationalities":["PL"]},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
                ))
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(try created.json()["id"] as? String)
            let attached = try await client.execute(
                uri:
                    "/api/v1/requests/\(id)/attachments?name=\(Self.attachmentName.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)",
                method: .post, headers: [.authorization: "Bearer \(dk)"],
                body: ByteBuffer(string: "%PDF-1.4\n% \(Self.attachmentMarker)\n%%EOF\n"))
            #expect(attached.status == .created, "\(attached.text)")

            var secrets = [Self.apiSubject, "Brzęczyszczykiewicz", Self.attachmentMarker, "A warning in 2019 is relevant", "Demo step"]
            for entry in try Self.demoRequests(platform) {
                secrets += [entry.subjectName] + entry.subjectName.split(separator: " ").map(String.init).filter { $0.count > 4 }
                secrets += entry.subjectIdentifiers
            }
            let raw = try await Self.rawContent(of: platform)
            // The scan sees the database: names of authorities are stored in clear.
            #expect(raw.contains("Styrelsen for Patientsikkerhed"), "the raw scan reads the stored rows")
            let readable = secrets.filter { raw.contains($0) }
            #expect(readable.isEmpty, "readable in the raw database: \(readable)")

            // Through the application everything reads back.
            let read = try await client.api(.get, "/api/v1/requests/\(id)", dk)
            #expect(read.text.contains(Self.apiSubject) && read.text.contains("Brzęczyszczykiewicz"))
            let listed = try await client.api(.get, "/api/v1/requests/\(id)/attachments", dk)
            #expect(listed.text.contains(Self.attachmentName))
            let replayed = try await client.execute(
                uri: "/api/v1/requests", method: .post,
                headers: [.authorization: "Bearer \(dk)", .contentType: "application/json", IdempotencyMiddleware.header: "at-rest-1"],
                body: ByteBuffer(
                    string:
                        #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"person","givenNames":"\#(Self.apiSubject)","familyNames":"Brzęczyszczykiewicz","nationalities":["PL"]},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
                ))
            #expect(replayed.headers[IdempotencyMiddleware.replayed] == "true" && replayed.text.contains(Self.apiSubject))
        }
    }

    /// The demo requests the platform created, from the file demo loading wrote.
    static func demoRequests(_ platform: Platform) throws -> [DemoRequestEntry] {
        struct File: Decodable { let requests: [DemoRequestEntry] }
        let path = try #require(platform.config.demoCredentialsFile)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path))).requests
    }

    /// Everything stored: the SQLite file with its write-ahead log as bytes, or every row of every
    /// table of the PostgreSQL schema as text.
    static func rawContent(of platform: Platform) async throws -> String {
        switch platform.config.database {
        case .sqlite(let path):
            var bytes = Data()
            for file in [path, path + "-wal", path + "-journal"] {
                if let data = FileManager.default.contents(atPath: file) { bytes += data }
            }
            return String(decoding: bytes, as: UTF8.self)
        case .postgres:
            let tables = try await platform.database.sql.raw(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            ).all().map { try $0.decode(column: "table_name", as: String.self) }
            var text = ""
            for table in tables {
                let rows = try await platform.database.sql.raw("SELECT CAST(t AS TEXT) AS row FROM \(ident: table) t").all()
                for row in rows { text += try row.decode(column: "row", as: String.self) + "\n" }
            }
            return text
        }
    }
}
