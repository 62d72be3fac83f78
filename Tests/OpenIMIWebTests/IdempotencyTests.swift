import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIPersistence
import SQLKit
import Testing

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
            #expect(first.status == .created && repeated.status == .created)
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
}
