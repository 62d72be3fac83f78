import Crypto
import Foundation
import OpenIMIDomain
import OpenIMISecurity

/// The European Commission's eTranslation (text snippets): a JSON request authenticated with HTTP
/// Digest, answered at once with a request number (negative on error); the translation comes later
/// as a form POST to the callback (`request-id`, `target-language`, `translated-text`,
/// `external-reference`), or an error as `error-code`, `error-message`.
struct ETranslationProvider: TranslationProvider {
    let settings: TranslationSettings
    let application: String
    let password: String
    let callbackURL: String
    let http: OutboundHTTP
    /// Makes the client nonces of Digest answers.
    var random: any SecureRandom = SystemSecureRandom()

    var kind: TranslationProviderKind { .etranslation }
    var engineName: String { settings.engineName }

    private struct Body: Encodable {
        struct Caller: Encodable {
            let application: String
            let username: String
        }
        let priority = 0
        let externalReference: String
        let callerInformation: Caller
        let textToTranslate: String
        let sourceLanguage: String
        let targetLanguages: [String]
        let domain: String
        let requesterCallback: String
        let errorCallback: String
    }

    func translate(_ text: String, from source: Language, to target: Language, reference: String) async throws -> TranslationOutcome {
        let body = try JSONEncoder().encode(
            Body(
                externalReference: reference, callerInformation: .init(application: application, username: application),
                textToTranslate: text, sourceLanguage: source.rawValue.uppercased(), targetLanguages: [target.rawValue.uppercased()],
                domain: settings.domain, requesterCallback: callbackURL, errorCallback: callbackURL))
        var request = OutboundHTTP.Request(url: settings.url, headers: [("Content-Type", "application/json")], body: Array(body))
        // The challenge is fetched with an empty body, so that the text only travels authenticated.
        let challenge = try await http.sendForTranslation(
            OutboundHTTP.Request(url: settings.url, headers: request.headers, body: Array("{}".utf8)))
        if challenge.status == 401, let header = challenge.headers.first(name: "WWW-Authenticate"),
            let authorization = DigestChallenge(header)?.authorization(
                username: application, password: password, method: "POST", uri: OutboundHTTP.target(of: settings.url),
                cnonce: Base64URL.encode(random.bytes(16)))
        {
            request.headers.append(("Authorization", authorization))
        }
        let response = try await http.sendForTranslation(request)
        let number = Int64(response.text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard response.status == 200, let number, number > 0 else {
            throw TranslationError.unavailable("status \(response.status), answer \(response.text.prefix(80))")
        }
        return .pending
    }
}

/// An HTTP Digest challenge (RFC 7616, MD5 with `qop=auth`, as eTranslation asks).
struct DigestChallenge: Equatable {
    let realm: String
    let nonce: String
    let opaque: String?
    let qop: String?

    /// Reads `Digest realm="…", nonce="…", qop="auth", opaque="…"`; nil for anything else.
    init?(_ header: String) {
        guard header.lowercased().hasPrefix("digest ") else { return nil }
        var fields: [String: String] = [:]
        let pattern = /([A-Za-z]+)=(?:"([^"]*)"|([^,\s]*))/
        for match in header.dropFirst(7).matches(of: pattern) {
            fields[match.1.lowercased()] = String(match.2 ?? match.3 ?? "")
        }
        guard let realm = fields["realm"], let nonce = fields["nonce"] else { return nil }
        self.realm = realm
        self.nonce = nonce
        self.opaque = fields["opaque"]
        self.qop = fields["qop"]
    }

    /// The `Authorization` header answering this challenge.
    func authorization(username: String, password: String, method: String, uri: String, cnonce: String) -> String {
        func md5(_ text: String) -> String { Insecure.MD5.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined() }
        let first = md5("\(username):\(realm):\(password)")
        let second = md5("\(method):\(uri)")
        let nc = "00000001"
        let useQop = qop?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains("auth") ?? false
        let response = useQop ? md5("\(first):\(nonce):\(nc):\(cnonce):auth:\(second)") : md5("\(first):\(nonce):\(second)")
        var header =
            "Digest username=\"\(username)\", realm=\"\(realm)\", nonce=\"\(nonce)\", uri=\"\(uri)\", algorithm=MD5, response=\"\(response)\""
        if useQop { header += ", qop=auth, nc=\(nc), cnonce=\"\(cnonce)\"" }
        if let opaque { header += ", opaque=\"\(opaque)\"" }
        return header
    }
}
