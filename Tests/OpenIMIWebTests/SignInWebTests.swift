import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import SQLKit
import Testing

@testable import OpenIMIWeb

@Suite struct SignInWebTests {
    /// Signs `user` in through the web form; returns the session cookie value and the CSRF token of its forms.
    static func webSignIn(
        _ client: any TestClientProtocol, _ user: DemoCredential, clock: ManualClock, headers extra: HTTPFields = [:]
    )
        async throws -> (session: String, csrf: String, setCookie: String)
    {
        let form = try await client.execute(uri: "/sign-in", method: .get)
        let csrf = try #require(form.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1).description
        let prefix = extra[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "__Host-" : ""
        var headers: HTTPFields = [.cookie: "\(prefix)openimi_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"]
        headers.append(contentsOf: extra)
        let code = TestApp.code(user, at: clock.now())
        let body = "_csrf=\(csrf)&username=\(user.username)&password=\(user.password)&code=\(code)&next=%2Fusers"
        let response = try await client.execute(uri: "/sign-in", method: .post, headers: headers, body: ByteBuffer(string: body))
        #expect(response.status == .seeOther && response.headers[.location] == "/users", "\(response.text)")
        let setCookie = try #require(response.headers[.setCookie])
        let session = try #require(setCookie.firstMatch(of: /openimi_session=([^;]+)/)?.1).description
        clock.advance(by: 30)
        let page = try await client.execute(uri: "/account", method: .get, headers: [.cookie: "openimi_session=\(session)"])
        let sessionCSRF = try #require(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1).description
        return (session, sessionCSRF, setCookie)
    }

    @Test func signInSetsAStrictHttpOnlyCookieSecureOverTLS() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let plain = try await Self.webSignIn(client, users["dk.admin"]!, clock: clock)
            #expect(
                plain.setCookie.contains("HttpOnly") && plain.setCookie.contains("SameSite=Strict") && !plain.setCookie.contains("Secure"))
            let tls = try await Self.webSignIn(
                client, users["si.admin"]!, clock: clock, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(tls.setCookie.contains("Secure") && tls.setCookie.hasPrefix("__Host-openimi_session="))
            let users = try await client.execute(uri: "/users", method: .get, headers: [.cookie: "openimi_session=\(plain.session)"])
            #expect(users.status == .ok && users.text.contains("dk.handler") && users.text.contains("Local data administrator"))
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefusedAndChangeNothing() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, database, users in
            let (session, csrf, _) = try await Self.webSignIn(client, users["dk.admin"]!, clock: clock)
            let handler = try #require(try await UserRepository(sql: database.sql).record(username: "dk.handler"))
            let cookie: HTTPFields = [.cookie: "openimi_session=\(session)", .contentType: "application/x-www-form-urlencoded"]
            for body in ["", "_csrf=wrong-token"] {
                let refused = try await client.execute(
                    uri: "/users/\(handler.id)/suspend", method: .post, headers: cookie, body: ByteBuffer(string: body))
                #expect(refused.status == .forbidden)
            }
            #expect(try await UserRepository(sql: database.sql).record(username: "dk.handler")?.status == "active")
            let accepted = try await client.execute(
                uri: "/users/\(handler.id)/suspend", method: .post, headers: cookie, body: ByteBuffer(string: "_csrf=\(csrf)"))
            #expect(accepted.status == .seeOther)
            #expect(try await UserRepository(sql: database.sql).record(username: "dk.handler")?.status == "suspended")
            // A token planted as the pre-sign-in cookie opens no signed-in form.
            let planted = String(repeating: "p", count: 43)
            let plantedPost = try await client.execute(
                uri: "/users/\(handler.id)/reinstate", method: .post,
                headers: [
                    .cookie: "openimi_session=\(session); openimi_csrf=\(planted)", .contentType: "application/x-www-form-urlencoded",
                ],
                body: ByteBuffer(string: "_csrf=\(planted)"))
            #expect(plantedPost.status == .forbidden)
            #expect(try await UserRepository(sql: database.sql).record(username: "dk.handler")?.status == "suspended")
            // A sign-in form posted without the pre-session token is refused before any credential is checked.
            let noToken = try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "username=dk.admin&password=x&code=1"))
            #expect(noToken.status == .forbidden)
        }
    }

    @Test func wrongCredentialsShowTheSameFriendlyFailure() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, users in
            let admin = users["dk.admin"]!
            var pages: [String] = []
            for (name, password, code) in [
                ("nobody", admin.password, TestApp.code(admin, at: clock.now())),
                (admin.username, "wrong password!", TestApp.code(admin, at: clock.now())),
                (admin.username, admin.password, "000000"),
            ] {
                let form = try await client.execute(uri: "/sign-in?lang=da", method: .get)
                let csrf = try #require(form.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1).description
                let response = try await client.execute(
                    uri: "/sign-in?lang=da", method: .post,
                    headers: [.cookie: "openimi_csrf=\(csrf)", .contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "_csrf=\(csrf)&username=\(name)&password=\(password)&code=\(code)"))
                #expect(response.status == .unauthorized && response.headers[.setCookie]?.contains("openimi_session") != true)
                pages.append(try #require(response.text.firstMatch(of: /id="sign-in-error">([^<]+)</)?.1).description)
            }
            #expect(Set(pages).count == 1 && pages[0].contains("sikkerhedskoden"))
        }
    }

    @Test func linksBuiltFromTheAddressNeverLeaveTheSite() async throws {
        let clock = ManualClock()
        try await TestApp.runWithUsers(clock: clock) { client, _, _ in
            for path in ["//evil.example/x", "/\\evil.example/x"] {
                let page = try await client.execute(uri: path, method: .get, headers: [.accept: "text/html"])
                #expect(
                    !page.text.contains("href=\"//evil.example") && !page.text.contains("href=\"/\\"), "\(path): \(page.text.prefix(200))")
            }
            for next in ["//evil.example", "/\\evil.example", "/ok\r\nSet-Cookie: x=1", "/ok\u{7}", "https://evil.example/"] {
                #expect(SignInController.safeNext(next) == nil, "\(next)")
            }
            #expect(SignInController.safeNext("/requests?state=sent") == "/requests?state=sent")
            let form = try await client.execute(uri: "/sign-in?next=%2F%2Fevil.example", method: .get)
            #expect(!form.text.contains("value=\"//evil.example") && !form.text.contains("href=\"//"))
        }
    }
}
