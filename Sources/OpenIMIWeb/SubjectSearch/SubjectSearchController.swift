import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// Finding the requests that concern a person or business (`POST /api/v1/subject-search`): by name
/// and date of birth, by an identifier, or by a business registration number. A POST, so that the
/// identifiers never appear in addresses or request logs.
struct SubjectSearchController: Sendable {
    /// The translation catalogs.
    let catalogs: Catalogs
    /// The clock.
    let clock: any AppClock
    /// The database, for reads no service offers.
    let database: any Database
    /// Information requests.
    let requests: RequestService
    /// Alerts.
    let alerts: AlertService
    /// The HTML views.
    let views: ViewRenderer

    /// The body: `kind` "person" (givenNames, familyNames, dateOfBirth), "identifier" (value,
    /// issuer) or "business" (registrationNumber, registrationState).
    struct SearchBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = [
            "kind", "givenNames", "familyNames", "dateOfBirth", "value", "issuer", "registrationNumber", "registrationState",
        ]
        let kind: String
        let givenNames: String?
        let familyNames: String?
        let dateOfBirth: String?
        let value: String?
        let issuer: String?
        let registrationNumber: String?
        let registrationState: String?

        /// The search key, or the first field that is missing.
        func searchKey() throws -> String {
            func required(_ value: String?, _ field: String) throws -> String {
                guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty, value.count <= 200 else {
                    throw RequestError.invalidParameter(field, .required)
                }
                return value
            }
            switch kind {
            case "person":
                let given = try required(givenNames, "givenNames"), family = try required(familyNames, "familyNames")
                let born = try required(dateOfBirth, "dateOfBirth")
                guard DataSubject.isCalendarDay(born), let key = SubjectKey.person(given: given, family: family, born: born) else {
                    throw RequestError.invalidParameter("dateOfBirth", .malformed)
                }
                return key
            case "identifier":
                guard let key = SubjectKey.identifier(issuer: issuer, value: try required(value, "value")) else {
                    throw RequestError.invalidParameter("value", .malformed)
                }
                return key
            case "business":
                guard
                    let key = SubjectKey.business(number: try required(registrationNumber, "registrationNumber"), state: registrationState)
                else { throw RequestError.invalidParameter("registrationNumber", .malformed) }
                return key
            default:
                throw RequestError.invalidParameter("kind", .notAllowed)
            }
        }
    }

    /// One request found.
    struct MatchDTO: Encodable, Sendable {
        let id: String
        let number: String
        let procedure: String
        let legalArea: String
        let state: String
        let retentionPhase: String
        let createdAt: Date

        init(_ match: SubjectMatch) {
            id = match.id.uuidString.lowercased()
            number = match.number
            procedure = match.procedure
            legalArea = match.legalArea
            state = match.state.rawValue
            retentionPhase = match.retentionPhase.rawValue
            createdAt = match.createdAt
        }
    }

    /// The answer.
    struct ResultDTO: Encodable, Sendable {
        let requests: [MatchDTO]
        /// The alerts about the person or business the searcher may read (what they are, not their
        /// content); absent where alerts are not searched (a rights-register entry's data).
        var alerts: [AlertSummaryDTO]? = nil
    }

    /// The requests and alerts concerning `searchKey` that the principal may see; every match logged.
    private func find(_ searchKey: String, by principal: Principal) async throws -> ([SubjectMatch], [AlertSummary]) {
        let now = clock.now()
        return (
            try await requests.findSubject(searchKey, by: principal, now: now),
            try await alerts.findSubject(anyOf: [searchKey], by: principal, purpose: .subjectSearch, now: now)
        )
    }

    func addRoutes(to routes: Routes) {
        routes.signedIn(Site.API.postSubjectSearch, use: apiPostSubjectSearch)
        routes.signedIn(Site.subjects, use: subjects)
        routes.signedIn(Site.postSubjects, use: postSubjects)
    }

    private func page(
        _ matches: [SubjectMatch]?, alerts found: [AlertSummary] = [], _ request: Request, _ context: AppRequestContext
    ) async throws -> HTMLPage {
        let catalog = catalogs.catalog(for: context.language)
        let names = try await RequestDirectory.load(
            [], areas: Set((matches ?? []).map(\.legalArea) + found.map(\.legalArea.rawValue)), database: database,
            language: context.language)
        return views.render(
            "subject-search", title: catalog.text("subjects.title"),
            page: SubjectSearchPage(matches: matches, alerts: found, names: names, catalog: catalog),
            request: request, context: context)
    }

    /// `POST /api/v1/subject-search`.
    func apiPostSubjectSearch(
        _ request: Request, _ context: AppRequestContext, _ session: ActiveSession
    ) async throws -> some ResponseGenerator {
        let body = try await request.decodeStrictJSON(SearchBody.self, context: context)
        let (matches, found) = try await find(try body.searchKey(), by: session.principal)
        return JSONResponse(value: ResultDTO(requests: matches.map(MatchDTO.init), alerts: found.map(AlertSummaryDTO.init)))
    }

    /// `GET /subjects`.
    func subjects(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try await page(nil, request, context)
    }

    /// `POST /subjects`.
    func postSubjects(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        func field(_ name: String) -> String? { fields[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } }
        // The form holds three ways of naming someone; the first filled in is used.
        let body =
            if let value = field("identifier") {
                SearchBody(identifier: value, issuer: field("issuer"))
            } else if let number = field("registrationNumber") {
                SearchBody(business: number, state: field("registrationState"))
            } else {
                SearchBody(given: field("givenNames"), family: field("familyNames"), born: field("dateOfBirth"))
            }
        let (matches, found) = try await find(try body.searchKey(), by: session.principal)
        return try await page(matches, alerts: found, request, context)
    }
}

extension SubjectSearchController.SearchBody {
    /// A search by person.
    init(given: String?, family: String?, born: String?) {
        self.init(
            kind: "person", givenNames: given, familyNames: family, dateOfBirth: born, value: nil, issuer: nil, registrationNumber: nil,
            registrationState: nil)
    }

    /// A search by identifier.
    init(identifier: String, issuer: String?) {
        self.init(
            kind: "identifier", givenNames: nil, familyNames: nil, dateOfBirth: nil, value: identifier, issuer: issuer,
            registrationNumber: nil, registrationState: nil)
    }

    /// A search by business registration number.
    init(business number: String, state: String?) {
        self.init(
            kind: "business", givenNames: nil, familyNames: nil, dateOfBirth: nil, value: nil, issuer: nil, registrationNumber: number,
            registrationState: state)
    }
}
