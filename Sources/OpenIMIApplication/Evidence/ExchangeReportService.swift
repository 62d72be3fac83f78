import Foundation
import Logging
import OpenIMIDomain
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity

/// Produces the signed PDF report of an exchange for an involved user, in their language, with the
/// signed JSON evidence embedded.
public struct ExchangeReportService: Sendable {
    public let platform: Platform

    /// The report of request `id`, signed by the platform; the download is logged with `purpose`
    /// as a read of the personal data it shows.
    public func report(of id: UUID, by principal: Principal, purpose: AccessPurpose, catalog: Catalog) async throws -> [UInt8] {
        let fonts = try PrintedReport.fonts(of: platform)
        let now = platform.clock.now()
        let issued = try await platform.exchangeEvidence.issue(of: id, by: principal, purpose: purpose, showsPersonalData: true, now: now)
        let request = issued.request
        let names = try await RequestDirectory.load(for: request, database: platform.database, language: catalog.language)
        let users = UserRepository(sql: platform.database.sql)
        var actors: [UUID: UserAccount] = [:]
        for userID in Set(request.steps.map(\.actor.userID) + [request.allocatedTo].compactMap { $0 }) {
            actors[userID] = try await users.find(userID)
        }
        let report = ExchangeReport(
            issued: issued, questionSet: platform.requests.questionSets[request.procedure], names: names, actors: actors, reader: principal,
            signing: try platform.keys.current(), catalog: catalog, now: now)
        var document = report.document(fonts: fonts, language: catalog.language.rawValue)
        document.embed(.init(name: "evidence.jws", mediaType: "application/jose", data: Array(issued.jws.utf8)))
        return try PrintedReport.sign(document, platform: platform, catalog: catalog, identifier: id, at: now)
    }

    /// Creates it from its parts.
    public init(platform: Platform) {
        self.platform = platform
    }
}
