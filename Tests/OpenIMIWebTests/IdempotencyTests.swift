import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import SQLKit
import Testing

@testable import OpenIMIPersistence
@testable import OpenIMIWeb

@Suite struct IdempotencyTests {
    @Test func aRepeatedPostWithTheSameKeyGetsTheFirstResult() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let zbornica = try #require(users["si.handler"]?.organisationId)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(7 * 86_400))
            let body =
                #"{"procedure":"pq-information-request","responderId":"\#(zbornica)","subject":{"kind":"business","name":"Klinik ApS","registrationNumber":"DK12345678"},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
            func post(_ key: String?, _ body: String) async throws -> TestResponse {
                var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
                if let key { headers[IdempotencyMiddleware.header] = key }
                return try await client.execute(uri: "/api/v1/requests", method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            let count = {
                try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("information_request")
                    .first()?.decode(column: "n", as: Int.self) ?? 0
            }
            let before = try await count()
            let first = try await post("draft-1", body)
            let repeated = try await post("draft-1", body)
            #expect(first.status == .created && repeated.status == .created, "\(repeated.status) \(repeated.text)")
            #expect(try first.json()["id"] as? String == repeated.json()["id"] as? String)
            #expect(repeated.headers[IdempotencyMiddleware.replayed] == "true")
            let reused = try await post("draft-1", body.replacingOccurrences(of: "Klinik ApS", with: "Other ApS"))
            #expect(reused.status == .unprocessableContent)
            #expect(try await count() == before + 1)
            _ = try await post(nil, body)
            #expect(try await count() == before + 2, "without a key every POST acts")
            let failed = try await post("draft-2", body.replacingOccurrences(of: "legally-established", with: "no-such-question"))
            #expect(failed.status == .unprocessableContent)
            let retried = try await post("draft-2", body.replacingOccurrences(of: "legally-established", with: "no-such-question"))
            #expect(
                retried.status == .unprocessableContent && retried.headers[IdempotencyMiddleware.replayed] == nil, "failures are not stored"
            )
        }
    }

    @Test func aStoredOutcomeHoldsNoPersonalDataAndAReplayIsAnAuthorisedLoggedRead() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let responder = try #require(users["si.handler"]?.organisationId)
            let deadline = ISO8601DateFormatter().string(from: clock.now().addingTimeInterval(7 * 86_400))
            let body =
                #"{"procedure":"pq-information-request","responderId":"\#(responder)","subject":{"kind":"person","givenNames":"Tove","familyNames":"Lindqvist","dateOfBirth":"1970-01-02"},"questions":["legally-established"],"deadline":"\#(deadline)"}"#
            func post(_ key: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/requests", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json", IdempotencyMiddleware.header: key],
                    body: ByteBuffer(string: body))
            }
            let first = try await post("k-1")
            let id = try #require(try first.json()["id"] as? String)
            #expect(first.headers[.location] == "/api/v1/requests/\(id)")
            // What is stored: status, addresses, the request it concerns; no body, no name.
            let stored = try #require(try await platform.database.sql.raw("SELECT * FROM idempotency_record").first())
            #expect(try stored.decode(column: "status", as: Int.self) == 201)
            #expect(try stored.decode(column: "request_id", as: String?.self) == id)
            #expect(try stored.decode(column: "body", as: String?.self) == nil)
            let reads = {
                try await platform.database.sql.raw(
                    "SELECT COUNT(*) AS n FROM access_log WHERE request_id = \(bind: id) AND operation = 'read'"
                ).first()?.decode(column: "n", as: Int.self) ?? -1
            }
            let readsBefore = try await reads()
            let replay = try await post("k-1")
            #expect(replay.status == .created && replay.headers[IdempotencyMiddleware.replayed] == "true")
            #expect(replay.text.contains("Lindqvist") && replay.headers[.location] == "/api/v1/requests/\(id)")
            #expect(try await reads() == readsBefore + 1, "a replay is logged as a read")

            // Erased: the replay says so and returns nothing; the key went with the data.
            #expect(try await platform.retention.delete(id, at: clock.now(), reason: .erasure))
            #expect(
                try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM idempotency_record").first()?.decode(
                    column: "n", as: Int.self) == 0)
            let afterErasure = try await post("k-1")
            #expect(afterErasure.status == .created && afterErasure.headers[IdempotencyMiddleware.replayed] == nil, "a fresh claim")

            // Keys expire after 24 hours.
            let second = try await post("k-2")
            clock.advance(by: IdempotencyStore.lifetime + 60)
            let token2 = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let later = try await client.execute(
                uri: "/api/v1/requests", method: .post,
                headers: [.authorization: "Bearer \(token2)", .contentType: "application/json", IdempotencyMiddleware.header: "k-2"],
                body: ByteBuffer(string: body))
            let laterID = try later.json()["id"] as? String
            let secondID = try second.json()["id"] as? String
            #expect(later.headers[IdempotencyMiddleware.replayed] == nil && laterID != secondID)
            _ = try await platform.retention.run(asOf: clock.now().addingTimeInterval(IdempotencyStore.lifetime + 60))
            #expect(
                try await platform.database.sql.raw("SELECT COUNT(*) AS n FROM idempotency_record").first()?.decode(
                    column: "n", as: Int.self) == 0)
        }
    }

    @Test func aRepeatedUploadReadsTheAttachmentsDescriptionAndABodyThatCannotBeReadAgainIsRefused() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let id = try await TestApp.demoRequest(in: .additionalInformationRequested, database)
            let german = try await TestApp.apiToken(client, users["de.handler"]!, clock: clock)
            func upload() async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/requests/\(id)/attachments?name=diploma.pdf", method: .post,
                    headers: [.authorization: "Bearer \(german)", IdempotencyMiddleware.header: "upload-1"],
                    body: ByteBuffer(bytes: RequestPagesTests.pdf))
            }
            let first = try await upload()
            let repeated = try await upload()
            #expect(first.status == .created && repeated.status == .created, "\(repeated.status) \(repeated.text)")
            #expect(repeated.headers[IdempotencyMiddleware.replayed] == "true")
            #expect(repeated.headers[.contentType]?.hasPrefix("application/json") == true)
            let attachment = try #require(try first.json()["id"] as? String)
            #expect(try repeated.json()["id"] as? String == attachment && repeated.json()["name"] as? String == "diploma.pdf")
            #expect(repeated.headers[.location] == "/api/v1/requests/\(id)/attachments/\(attachment)")
            let stored = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(
                "request_attachment"
            ).where("request_id", .equal, id).first()?.decode(column: "n", as: Int.self)
            #expect(stored == 1, "one upload, however often repeated")

            // A user-list confirmation names no resource to read again: its repeat is refused, not repeated empty.
            let admin = try #require(users["dk.admin"])
            let organisation = try #require(admin.organisationId)
            let adminToken = try await TestApp.apiToken(client, admin, clock: clock)
            func confirm() async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/organisations/authority/\(organisation)/user-list-confirmations", method: .post,
                    headers: [.authorization: "Bearer \(adminToken)", IdempotencyMiddleware.header: "confirm-1"])
            }
            #expect(try await confirm().status == .created)
            let again = try await confirm()
            #expect(again.status == .conflict && again.text.contains("idempotency-key-used"), "\(again.status) \(again.text)")
            #expect(again.headers[.contentType]?.hasPrefix("application/problem+json") == true)
        }
    }
}
