import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import Testing

@testable import OpenIMIWeb

@Suite struct IdentityAPITests {
    private func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }

    @Test func bearerTokensWorkUntilRevokedAndOnlyOnTheAPI() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(try me.status == .ok && (me.json()["username"] as? String) == "dk.handler")
            #expect(try (me.json()["roles"] as? [String])?.allSatisfy { $0.hasPrefix("request-handler:") } == true)
            let asCookie = try await client.execute(uri: "/account", method: .get, headers: [.cookie: "openimi_session=\(token)"])
            #expect(asCookie.status == .seeOther, "an API token is not a web session")
            let revoke = try await client.execute(uri: "/api/v1/session", method: .delete, headers: [.authorization: "Bearer \(token)"])
            #expect(revoke.status == .noContent)
            let after = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(after.status == .unauthorized)
        }
    }

    @Test func escalationThroughTheAPIIsRefused() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let admin = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            let handler = try #require(try await UserRepository(sql: database.sql).record(username: "dk.handler"))
            let auth: HTTPFields = [.authorization: "Bearer \(admin)", .contentType: "application/json"]
            for role in ["operator", "national-coordinator", "reader:solvit"] {
                let response = try await client.execute(
                    uri: "/api/v1/users/\(handler.id)/roles", method: .post, headers: auth, body: json(#"{"role":"\#(role)"}"#))
                #expect(response.status == .forbidden, "\(role)")
            }
            let slovenian = try #require(users["si.admin"]?.organisationId)
            let foreign = try await client.execute(uri: "/api/v1/organisations/authority/\(slovenian)/users", method: .get, headers: auth)
            #expect(foreign.status == .forbidden)
            let siHandler = try #require(try await UserRepository(sql: database.sql).record(username: "si.handler"))
            let suspendForeign = try await client.execute(uri: "/api/v1/users/\(siHandler.id)/suspension", method: .post, headers: auth)
            #expect(suspendForeign.status == .forbidden)
            let lastAdmin = try #require(try await UserRepository(sql: database.sql).record(username: "dk.admin"))
            let demote = try await client.execute(
                uri: "/api/v1/users/\(lastAdmin.id)/roles/local-data-administrator", method: .delete, headers: auth)
            #expect(demote.status == .conflict)
            #expect(
                try await UserRepository(sql: database.sql).find(UUID(uuidString: handler.id)!)?.roles.contains(.platformOperator) == false)
        }
    }

    @Test func aSuspendedUsersTokenStopsAtOnce() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let handlerToken = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let admin = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            let handler = try #require(try await UserRepository(sql: database.sql).record(username: "dk.handler"))
            let suspend = try await client.execute(
                uri: "/api/v1/users/\(handler.id)/suspension", method: .post, headers: [.authorization: "Bearer \(admin)"])
            #expect(try suspend.status == .ok && (suspend.json()["status"] as? String) == "suspended")
            let refused = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer \(handlerToken)"])
            #expect(refused.status == .unauthorized)
        }
    }

    @Test func administratorsCreateUsersWhoActivateThemselves() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let admin = try await TestApp.apiToken(client, users["dk.admin"]!, clock: clock)
            let authority = try #require(users["dk.admin"]?.organisationId)
            let created = try await client.execute(
                uri: "/api/v1/organisations/authority/\(authority)/users", method: .post,
                headers: [.authorization: "Bearer \(admin)", .contentType: "application/json"],
                body: json(
                    #"{"username":"new.reader","fullName":"Nina Ny","email":"nina@example.org","language":"da","roles":["reader:patients-rights"]}"#
                ))
            #expect(created.status == .created)
            let activation = try #require(try created.json()["activationToken"] as? String)
            let enrol = try await client.execute(
                uri: "/api/v1/activation", method: .post, headers: [.contentType: "application/json"],
                body: json(#"{"token":"\#(activation)","password":"a sentence nobody guesses"}"#))
            #expect(enrol.status == .ok)
            let secret = try #require(try enrol.json()["totpSecretBase32"] as? String)
            #expect(try (enrol.json()["recoveryCodes"] as? [String])?.count == 10)
            let raw = String(decoding: try #require(Base32Decoding.decode(secret)), as: UTF8.self)
            let confirm = try await client.execute(
                uri: "/api/v1/activation/confirm", method: .post, headers: [.contentType: "application/json"],
                body: json(#"{"token":"\#(activation)","code":"\#(OneTimeCodeForTests.code(raw, at: clock.now()))"}"#))
            #expect(try confirm.status == .created && (confirm.json()["token"] as? String) != nil)
            let list = try await client.execute(
                uri: "/api/v1/organisations/authority/\(authority)/users", method: .get, headers: [.authorization: "Bearer \(admin)"])
            let names = (try list.json()["users"] as? [[String: Any]] ?? []).compactMap { $0["username"] as? String }
            #expect(names.contains("new.reader"))
            let confirmList = try await client.execute(
                uri: "/api/v1/organisations/authority/\(authority)/user-list-confirmations", method: .post,
                headers: [.authorization: "Bearer \(admin)"])
            #expect(try confirmList.status == .created && (confirmList.json()["userCount"] as? Int) == 6)

            // The platform's own users, at the platform's address (any well-formed id; a malformed one is unknown).
            let operatorToken = try await TestApp.apiToken(client, users["operator"]!, clock: clock)
            let platformUsers = try await client.execute(
                uri: "/api/v1/organisations/platform/\(UUID())/users", method: .get, headers: [.authorization: "Bearer \(operatorToken)"])
            #expect(platformUsers.status == .ok && platformUsers.text.contains("operator"), "\(platformUsers.status)")
            let malformed = try await client.execute(
                uri: "/api/v1/organisations/platform/x/users", method: .get, headers: [.authorization: "Bearer \(operatorToken)"])
            #expect(malformed.status == .notFound)
        }
    }
}
