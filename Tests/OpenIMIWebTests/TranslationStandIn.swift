import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A machine-translation service on loopback speaking the real protocols, standing in for a
/// LibreTranslate server (`POST /translate`) and for eTranslation (`POST /etranslation/si/translate`,
/// HTTP Digest, a request number back). It "translates" by prefixing the target language; a text
/// containing `FAIL` gets a 500, one containing `SLOW` an answer after five seconds.
enum TranslationStandIn {
    /// The API key the LibreTranslate side expects.
    static let apiKey = "stand-in-key"
    /// The eTranslation side's application name and password.
    static let application = "openimi-test"
    static let password = "stand-in-password"

    /// What the stand-in received.
    final class Received: Sendable {
        let bodies = Mutex<[String]>([])
        var all: [String] { bodies.withLock { $0 } }
    }

    /// Runs the stand-in on a free port for the duration of `body`, which gets the port and what arrives.
    static func run(_ body: @escaping @Sendable (Int, Received) async throws -> Void) async throws {
        let received = Received()
        let router = Router()
        router.post("/translate") { request, context -> Response in
            let data = try await request.body.collect(upTo: 1_048_576)
            let text = String(buffer: data)
            received.bodies.withLock { $0.append(text) }
            struct Body: Decodable {
                let q: String
                let source: String
                let target: String
                let format: String
                let apiKey: String?

                enum CodingKeys: String, CodingKey {
                    case q, source, target, format
                    case apiKey = "api_key"
                }
            }
            let parsed = try JSONDecoder().decode(Body.self, from: Data(buffer: data))
            guard parsed.apiKey == apiKey else { return json(.forbidden, #"{"error":"Invalid API key"}"#) }
            if parsed.q.contains("FAIL") { return json(.internalServerError, #"{"error":"Translation engine crashed"}"#) }
            if parsed.q.contains("SLOW") { try await Task.sleep(for: .seconds(25)) }
            let answer = try JSONEncoder().encode(["translatedText": "[\(parsed.target)] \(parsed.q)"])
            return json(.ok, String(decoding: answer, as: UTF8.self))
        }
        router.post("/etranslation/si/translate") { request, context -> Response in
            let data = try await request.body.collect(upTo: 1_048_576)
            guard let authorization = request.headers[.authorization] else {
                return Response(
                    status: .unauthorized,
                    headers: [.wwwAuthenticate: #"Digest realm="eTranslation", nonce="n0nce", qop="auth", opaque="op""#])
            }
            guard digestIsValid(authorization, method: "POST", uri: "/etranslation/si/translate") else {
                return Response(status: .unauthorized)
            }
            received.bodies.withLock { $0.append(String(buffer: data)) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "4711")))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body(client.port!, received)
        }
    }

    private static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Checks a Digest answer (RFC 7616, MD5, qop=auth) against the stand-in's password.
    private static func digestIsValid(_ header: String, method: String, uri: String) -> Bool {
        var fields: [String: String] = [:]
        for match in header.dropFirst("Digest ".count).matches(of: /([a-z]+)=(?:"([^"]*)"|([^,\s]*))/) {
            fields[String(match.1)] = String(match.2 ?? match.3 ?? "")
        }
        func md5(_ text: String) -> String { Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        guard fields["username"] == application, fields["nonce"] == "n0nce", fields["uri"] == uri, let nc = fields["nc"],
            let cnonce = fields["cnonce"]
        else { return false }
        let expected = md5(
            "\(md5("\(application):eTranslation:\(password)")):n0nce:\(nc):\(cnonce):auth:\(md5("\(method):\(uri)"))")
        return fields["response"] == expected && fields["opaque"] == "op"
    }
}
