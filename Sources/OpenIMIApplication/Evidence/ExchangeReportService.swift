import Foundation
import Logging
import OpenIMIDomain
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity

/// Produces the signed PDF report of an exchange for an involved user, in their language, with the
/// signed JSON evidence embedded.
public struct ExchangeReportService: Sendable {
    /// Issues the signed evidence the report embeds.
    public let evidence: ExchangeEvidenceService
    /// The requests, for their question sets and database.
    public let requests: RequestService
    /// Lays out and signs the report.
    public let printer: DocumentPrinter
    /// The clock.
    public let clock: any AppClock

    /// The report of request `id`, signed by the platform; the download is logged with `purpose`
    /// as a read of the personal data it shows.
    public func report(of id: RequestID, by principal: Principal, purpose: AccessPurpose, catalog: Catalog) async throws -> [UInt8] {
        let fonts = try printer.requireFonts()
        let now = clock.now()
        let issued = try await evidence.issue(of: id, by: principal, purpose: purpose, showsPersonalData: true, now: now)
        let request = issued.request
        let names = try await RequestDirectory.load(for: request, database: requests.database, language: catalog.language)
        let users = UserRepository(sql: requests.database.sql)
        var actors: [UUID: UserAccount] = [:]
        for userID in Set(request.steps.map(\.actor.userID) + [request.allocatedTo].compactMap { $0 }) {
            actors[userID.uuid] = try await users.find(userID.uuid)
        }
        let report = ExchangeReport(
            issued: issued, questionSet: requests.questionSets[request.procedure.rawValue], names: names, actors: actors, reader: principal,
            signing: try printer.keys.current(), catalog: catalog, now: now)
        var document = report.document(fonts: fonts, language: catalog.language.rawValue)
        document.embed(.init(name: "evidence.jws", mediaType: "application/jose", data: Array(issued.jws.utf8)))
        return try printer.sign(document, catalog: catalog, identifier: id.uuid, at: now)
    }

    /// Creates the service.
    public init(evidence: ExchangeEvidenceService, requests: RequestService, printer: DocumentPrinter, clock: any AppClock) {
        self.evidence = evidence
        self.requests = requests
        self.printer = printer
        self.clock = clock
    }
}
