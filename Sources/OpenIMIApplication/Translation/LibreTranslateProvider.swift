import Foundation
import OpenIMIDomain

/// A LibreTranslate-compatible service: `POST <url>/translate` with
/// `{"q", "source", "target", "format": "text", "api_key"}`, answering `{"translatedText"}` at once
/// (or `{"error"}` with a 4xx/5xx status).
struct LibreTranslateProvider: TranslationProvider {
    let settings: TranslationSettings
    let apiKey: String?
    let http: OutboundHTTP

    var kind: TranslationProviderKind { .libretranslate }
    var engineName: String { settings.engineName }

    private struct Body: Encodable {
        let q: String
        let source: String
        let target: String
        let format = "text"
        let apiKey: String?

        enum CodingKeys: String, CodingKey {
            case q, source, target, format
            case apiKey = "api_key"
        }
    }

    private struct Answer: Decodable {
        let translatedText: String?
        let error: String?
    }

    func translate(_ text: String, from source: Language, to target: Language, reference: String) async throws -> TranslationOutcome {
        let body = try JSONEncoder().encode(Body(q: text, source: source.rawValue, target: target.rawValue, apiKey: apiKey))
        let response = try await http.sendForTranslation(
            OutboundHTTP.Request(
                url: settings.url.appendingPathComponent("translate"),
                headers: [("Content-Type", "application/json"), ("Accept", "application/json")], body: Array(body)))
        let answer = try? JSONDecoder().decode(Answer.self, from: Data(response.body))
        guard response.status == 200, let translated = answer?.translatedText else {
            throw TranslationError.unavailable("status \(response.status): \(answer?.error ?? "no translation in the answer")")
        }
        return .translated(translated)
    }
}
