import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// A request's consent records: `/api/v1/requests/{id}/consents` and the page `/requests/{id}/consents`.
struct ConsentController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// Information requests.
    let requests: RequestService
    /// The HTML views.
    let views: ViewRenderer

    /// A consent to record.
    struct ConsentBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["purpose", "givenBy", "language", "wordingVersion", "givenAt"]
        let purpose: String
        let givenBy: String
        let language: String
        let wordingVersion: String
        let givenAt: Date

        func consent() throws -> NewConsent {
            guard let purpose = ConsentPurpose(rawValue: purpose) else { throw RequestError.invalidParameter("purpose", .notAllowed) }
            guard let language = Language(rawValue: language) else { throw RequestError.invalidParameter("language", .notAllowed) }
            return NewConsent(purpose: purpose, givenBy: givenBy, language: language, wordingVersion: wordingVersion, givenAt: givenAt)
        }
    }

    /// A consent record as the API shows it.
    struct ConsentDTO: Encodable, Sendable {
        let id: String
        let request: String?
        let legalArea: String
        let purpose: String
        let givenBy: String
        let language: String
        let wordingVersion: String
        let givenAt: Date
        let recordedBy: String
        let withdrawnAt: Date?

        init(_ record: ConsentRecord) {
            id = record.id.uuidString.lowercased()
            request = record.requestID?.uuidString.lowercased()
            legalArea = record.legalArea
            purpose = record.purpose.rawValue
            givenBy = record.givenBy
            language = record.language.rawValue
            wordingVersion = record.wordingVersion
            givenAt = record.givenAt
            recordedBy = record.recordedBy.organisationID.uuidString.lowercased()
            withdrawnAt = record.withdrawnAt
        }
    }

    /// The records of a request.
    struct ConsentsDTO: Encodable, Sendable {
        let consents: [ConsentDTO]
    }

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.API.requestConsents, use: apiRequestConsents)
        routes.signedIn(Site.API.postRequestConsents, use: apiPostRequestConsents)
        routes.signedIn(Site.API.postRequestConsentWithdrawal, use: apiPostRequestConsentWithdrawal)
        routes.signedIn(Site.requestConsents, use: requestConsents)
        routes.signedIn(Site.postRequestConsents, use: postRequestConsents)
        routes.signedIn(Site.postRequestConsentWithdraw, use: postRequestConsentWithdraw)
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession, form: FormEcho? = nil
    ) async throws -> HTMLPage {
        let id = try context.requestID()
        let records = try await requests.consents(
            of: id, by: session.principal, purpose: .read(.web, .listConsents), now: clock.now())
        let catalog = catalogs.catalog(for: context.language)
        let page = ConsentPage(
            id: id.description, records: records, languages: catalogs.languages, now: clock.now(),
            catalog: catalog, form: form)
        return views.render("consents", title: catalog.text("consent.title"), page: page, request: request, context: context, form: form)
    }

    /// `GET /api/v1/requests/{id}/consents`.
    func apiRequestConsents(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(
            value: ConsentsDTO(
                consents: try await requests.consents(
                    of: try context.requestID(), by: session.principal, purpose: .read(.api, .listConsents),
                    now: clock.now()
                ).map(ConsentDTO.init)))
    }

    /// `POST /api/v1/requests/{id}/consents`.
    func apiPostRequestConsents(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(ConsentBody.self, context: context)
        let record = try await requests.recordConsent(
            try body.consent(), on: try context.requestID(), by: session.principal, now: clock.now())
        return JSONResponse(value: ConsentDTO(record), status: .created)
    }

    /// `POST /api/v1/requests/{id}/consents/{consent}/withdrawal`.
    func apiPostRequestConsentWithdrawal(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        JSONResponse(
            value: ConsentDTO(
                try await requests.withdrawConsent(
                    try context.identifier("consent"), of: try context.requestID(), by: session.principal,
                    now: clock.now())))
    }

    /// `GET /requests/{id}/consents`.
    func requestConsents(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try await page(request, context, session)
    }

    /// `POST /requests/{id}/consents`.
    func postRequestConsents(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        do {
            return try await record(fields, context, session)
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            let labels = [
                "purpose": "consent.purposeLabel", "givenBy": "consent.givenBy", "language": "consent.language",
                "givenOn": "consent.givenOn",
            ].mapValues { catalog.text($0) }
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "record-consent", labels: labels, catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try await page(request, context, session, form: echo).response(from: request, context: context)
        }
    }

    /// Records the consent the form describes, and leads back to the list.
    private func record(_ fields: FormFields, _ context: AppRequestContext, _ session: ActiveSession) async throws -> Response {
        guard let purpose = ConsentPurpose(rawValue: fields["purpose"] ?? "") else {
            throw RequestError.invalidParameter("purpose", .notAllowed)
        }
        guard let language = Language(rawValue: fields["language"] ?? "") else {
            throw RequestError.invalidParameter("language", .notAllowed)
        }
        guard let day = fields["givenOn"], DataSubject.isCalendarDay(day),
            let givenAt = ISO8601DateFormatter().date(from: "\(day)T00:00:00Z")
        else { throw RequestError.invalidParameter("givenOn", .malformed) }
        let id = try context.requestID()
        _ = try await requests.recordConsent(
            NewConsent(
                purpose: purpose, givenBy: fields["givenBy"] ?? "", language: language, wordingVersion: ConsentRule.wordingVersion,
                givenAt: givenAt), on: id, by: session.principal, now: clock.now())
        return Response(status: .seeOther, headers: [.location: Site.requestConsents.link(id.description)])
    }

    /// `POST /requests/{id}/consents/{consent}/withdraw`.
    func postRequestConsentWithdraw(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let id = try context.requestID()
        _ = try await requests.withdrawConsent(
            try context.identifier("consent"), of: id, by: session.principal, now: clock.now())
        return Response(status: .seeOther, headers: [.location: Site.requestConsents.link(id.description)])
    }
}
