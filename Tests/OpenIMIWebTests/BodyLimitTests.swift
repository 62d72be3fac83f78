import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import Testing

@testable import OpenIMIWeb

/// Bodies are bounded before they cost anything: multipart only on the upload routes and only
/// after sign-in, a part limit and a one-pass parser, a limit per kind of route answered with 413.
@Suite struct BodyLimitTests {
    /// How long the server may take to answer during an attack: a second alone, several with the whole
    /// suite running beside it; the freeze this guards against lasted 30 s.
    static let farFromAFreeze: Duration = .seconds(12)

    /// The review's body: 40,000 tiny parts, about 2.3 MB.
    static func manyParts(_ count: Int = 40_000, boundary: String = "x") -> ByteBuffer {
        var body = ByteBuffer()
        for index in 0..<count { body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"f\(index)\"\r\n\r\nv\r\n") }
        body.writeString("--\(boundary)--\r\n")
        return body
    }

    @Test func multipartBeforeSignInIsRefusedUnreadAndHealthStaysFast() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, platform, _ in
            let body = Self.manyParts()
            #expect(body.readableBytes > 2_000_000)
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=x"]
            let started = ContinuousClock.now
            let (statuses, health) = try await withThrowingTaskGroup(of: (Int?, Duration?).self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        (try await client.execute(uri: "/sign-in", method: .post, headers: headers, body: body).status.code, nil)
                    }
                }
                group.addTask {
                    let before = ContinuousClock.now
                    let status = try await client.execute(uri: "/health", method: .get).status
                    #expect(status == .ok)
                    return (nil, ContinuousClock.now - before)
                }
                var statuses: [Int] = []
                var health: Duration?
                for try await (status, duration) in group {
                    if let status { statuses.append(status) }
                    if let duration { health = duration }
                }
                return (statuses, health)
            }
            #expect(statuses == [415, 415])
            // The freeze took 30 s; a bound far from that and from normal, with room for the rest of
            // the suite running beside this test on two cores.
            #expect(try #require(health) < Self.farFromAFreeze, "health took \(String(describing: health))")
            #expect(ContinuousClock.now - started < Self.farFromAFreeze)

            // Every web form refuses such a body with a 4xx, the upload route too (no session).
            let routes = try await buildRouter(platform: platform).router.routes
            for route in routes where route.method == .post && !"\(route.path)".hasPrefix("/api/") {
                let path = "\(route.path)".replacingOccurrences(of: "{id}", with: UUID().uuidString.lowercased())
                    .replacingOccurrences(of: "{kind}", with: "authority").replacingOccurrences(of: "{role}", with: "reader:services")
                    .replacingOccurrences(of: "{operation}", with: "suspend")
                let response = try await client.execute(uri: path, method: .post, headers: headers, body: Self.manyParts(100))
                #expect((400..<500).contains(response.status.code), "\(route.path) answered \(response.status)")
            }
        }
    }

    @Test func aSignedInUploadWithTooManyPartsIsRefusedQuickly() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, _, users in
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            var body = ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf)\r\n")
            var rest = Self.manyParts()
            body.writeBuffer(&rest)
            let started = ContinuousClock.now
            let response = try await client.execute(
                uri: "/requests/\(UUID().uuidString.lowercased())/attachments", method: .post,
                headers: [.cookie: "openimi_session=\(browser.session)", .contentType: "multipart/form-data; boundary=x"], body: body)
            #expect(response.status == .badRequest)
            #expect(ContinuousClock.now - started < Self.farFromAFreeze)
            // A well-formed upload still works after it (the limit counts parts, not attempts).
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test func eachKindOfBodyHasItsLimitAndAnswers413() async throws {
        let clock = ManualClock()
        try await TestApp.runOnPlatform(clock: clock) { client, _, users in
            let browser = try await RequestPagesTests.Browser.signIn(client, users["dk.handler"]!, clock: clock)
            let token = try await TestApp.apiToken(client, users["dk.handler"]!, clock: clock)
            let form = "_csrf=\(browser.csrf)&x=" + String(repeating: "a", count: APILimits.maximumFormBytes)
            let page = try await client.execute(
                uri: "/requests", method: .post,
                headers: [.cookie: "openimi_session=\(browser.session)", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form))
            #expect(page.status == .contentTooLarge)
            let signIn = try await client.execute(
                uri: "/sign-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: String(repeating: "a=b&", count: APILimits.maximumFormBytes)))
            #expect(signIn.status == .contentTooLarge)
            let json = "{\"x\":\"" + String(repeating: "a", count: APILimits.maximumBodyBytes) + "\"}"
            for (method, path) in [(HTTPRequest.Method.post, "/api/v1/requests"), (.post, "/api/v1/subject-search")] {
                let api = try await client.api(method, path, token, json)
                #expect(api.status == .contentTooLarge && api.headers[.contentType] == "application/problem+json", "\(path)")
                let keyed = try await client.execute(
                    uri: path, method: method,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json", IdempotencyMiddleware.header: "k1"],
                    body: ByteBuffer(string: json))
                #expect(keyed.status == .contentTooLarge, "\(path) with an idempotency key")
            }
        }
    }

    @Test func theParserReadsFormsAndRefusesMalformedOnes() throws {
        let form = try MultipartForm(
            ByteBuffer(
                string:
                    "--b\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntoken\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF\r\n--b--\r\n"
            ), boundary: "b")
        #expect(form.fields["_csrf"] == "token" && form.files["file"]?.name == "a.pdf" && form.files["file"]?.content == Data("%PDF".utf8))
        for malformed in ["", "--b", "--b\r\nno header end", "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end"] {
            #expect(throws: RequestError.malformedBody) { try MultipartForm(ByteBuffer(string: malformed), boundary: "b") }
        }
        #expect(throws: RequestError.malformedBody) { try MultipartForm(Self.manyParts(9, boundary: "b"), boundary: "b") }
        #expect(MultipartForm.acceptsUploads(path: "/requests/abc/attachments"))
        #expect(MultipartForm.acceptsUploads(path: "/notifications/abc/attachments"))
        #expect(!MultipartForm.acceptsUploads(path: "/sign-in") && !MultipartForm.acceptsUploads(path: "/requests/abc/attachments/x"))
        #expect(
            !MultipartForm.acceptsUploads(path: "/alerts/abc/attachments")
                && !MultipartForm.acceptsUploads(path: "/notifications/abc/steps"))
    }
}
