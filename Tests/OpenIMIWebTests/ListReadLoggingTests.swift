import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIWeb

/// Lists that name people or files are reads of personal data and are logged as such: the consent
/// records (who gave consent) and the attachments (file names), through the API and the pages.
@Suite struct ListReadLoggingTests {
    @Test func listingConsentsAndAttachmentsIsLogged() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, users in
            let dk = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let si = try await TestApp.apiToken(client, users["si.handler"]!, clock: clock)
            let id = try await ExchangeReportTests.answeredRequest(
                client, from: dk, to: si, responder: try #require(users["si.handler"]?.organisationId), clock: clock)
            func logged(_ purpose: String) async throws -> [String] {
                try await platform.database.sql.raw(
                    "SELECT fields FROM access_log WHERE request_id = \(bind: id) AND operation = 'read' AND purpose = \(bind: purpose)"
                ).all().map { try $0.decode(column: "fields", as: String.self) }
            }
            #expect(try await client.api(.get, "/api/v1/requests/\(id)/attachments", si).text.contains("diploma.pdf"))
            #expect(try await logged("api:list-attachments").first?.contains("attachments.names") == true)
            #expect(try await client.api(.get, "/api/v1/requests/\(id)/consents", dk).status == .ok)
            #expect(try await logged("api:list-consents").first?.contains("consents") == true)
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            #expect(try await browser.get("/requests/\(id)/consents").status == .ok)
            #expect(try await logged("web:list-consents").count == 1)
            #expect(try await browser.get("/requests/\(id)").text.contains("diploma.pdf"))
            #expect(try await logged("web:view-request").contains { $0.contains("attachments.names") })
        }
    }
}
