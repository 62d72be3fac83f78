import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain

/// Machine translation of a request's texts into the reader's language: a button on the request
/// page (`POST /requests/{id}/translations`), the JSON API (`POST /api/v1/requests/{id}/translations`)
/// and the callback through which eTranslation delivers (`POST /api/v1/machine-translations/etranslation`).
struct TranslationsController: Sendable {
    /// The clock.
    let clock: any AppClock
    /// Machine translations.
    let translations: MachineTranslationService
    /// The largest callback body taken: a translation of the longest text a request holds.
    static let maximumCallbackBytes = 1_048_576

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.postRequestTranslations, use: postRequestTranslations)
        routes.signedIn(Site.API.postRequestTranslations, use: apiPostRequestTranslations)
        routes.public(Site.API.postMachineTranslationCallback, use: apiPostMachineTranslationCallback)
    }

    /// `POST /requests/{id}/translations` (`text`): back to the request page with the translation,
    /// or with why there is none; the page stays usable either way.
    func postRequestTranslations(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        let fields = try await request.form()
        let id = try context.requestID()
        guard let text = fields["text"].flatMap(TranslatableText.init(rawValue:)) else {
            throw RequestError.invalidParameter("text", .malformed)
        }
        let outcome: String
        do {
            let translation = try await translations.translate(
                id, text: text, into: context.language, by: session.principal, channel: .web, now: clock.now())
            outcome = translation.status == .pending ? "done=translation-requested" : "done=translated"
        } catch TranslationError.unavailable {
            outcome = "problem=translation-unavailable"
        } catch TranslationError.notOffered {
            outcome = "problem=translation-not-offered"
        }
        let anchor = outcome.hasPrefix("done") ? "#translation-\(text.rawValue)" : ""
        return Response(status: .seeOther, headers: [.location: Site.request.link(id.description) + "?\(outcome)\(anchor)"])
    }

    /// The body of `POST /api/v1/requests/{id}/translations`.
    struct TranslationBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["text", "language"]
        /// `free-text`, `answer:<question>` or `comment:<position>`.
        let text: String
        /// The language to translate into; the user's own when left out.
        let language: String?
    }

    /// `POST /api/v1/requests/{id}/translations`: the translation (200), or 202 while an
    /// asynchronous provider works on it.
    func apiPostRequestTranslations(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> Response {
        let body = try await request.decodeStrictJSON(TranslationBody.self, context: context)
        guard let text = TranslatableText(rawValue: body.text) else { throw RequestError.invalidParameter("text", .malformed) }
        let target = try body.language.map { code -> Language in
            guard let language = Language(rawValue: code) else { throw RequestError.invalidParameter("language", .malformed) }
            return language
        }
        let translation = try await translations.translate(
            try context.requestID(), text: text, into: target ?? session.principal.user.language, by: session.principal, channel: .api,
            now: clock.now())
        var response = try JSONResponse(value: MachineTranslationDTO(translation)).response(from: request, context: context)
        if translation.status == .pending { response.status = .accepted }
        return response
    }

    /// `POST /api/v1/machine-translations/etranslation`: eTranslation delivers a translation
    /// (`translated-text`) or an error (`error-code`) for the `external-reference` it was given. The
    /// reference is a secret known only to the platform and the provider; anything else is 404.
    func apiPostMachineTranslationCallback(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let fields = FormFields(try await request.boundedBody(upTo: Self.maximumCallbackBytes))
        guard let reference = fields["external-reference"] else { throw RequestError.invalidParameter("external-reference", .required) }
        let translated = fields["translated-text"]
        guard translated != nil || fields["error-code"] != nil else { throw RequestError.invalidParameter("translated-text", .required) }
        guard try await translations.complete(reference: reference, translation: translated, now: clock.now()) else {
            throw RequestError.notFound
        }
        return Response(status: .noContent)
    }
}
