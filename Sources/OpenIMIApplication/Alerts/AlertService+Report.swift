import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension AlertService {
    /// The signed PDF report of alert `id` in `catalog`'s language, for its readers, with the signed
    /// JSON evidence embedded; the download is logged with `purpose` as a read of the content.
    public func report(
        of id: AlertID, by principal: Principal, purpose: AccessPurpose, checkpointer: LogCheckpointer, printer: DocumentPrinter,
        catalog: Catalog, now: Date
    ) async throws -> [UInt8] {
        let fonts = try printer.requireFonts()
        let issued = try await issueEvidence(
            of: id, by: principal, purpose: purpose, showsPersonalData: true, checkpointer: checkpointer, now: now)
        let alert = issued.alert
        let names = try await RequestDirectory.load(for: alert, database: database, language: catalog.language)
        let states = try await RegistryRepository(sql: database.sql).memberStates()
        let report = AlertReport.report(
            issued: issued, template: templates[alert.procedure.rawValue], names: names,
            stateNames: Dictionary(uniqueKeysWithValues: states.map { ($0.code, $0.name.text(in: catalog.language)) }),
            reader: principal, signing: try printer.keys.current(), catalog: catalog, now: now)
        var document = report.document(fonts: fonts, language: catalog.language.rawValue)
        document.embed(.init(name: "evidence.jws", mediaType: "application/jose", data: Array(issued.jws.utf8)))
        return try printer.sign(document, catalog: catalog, identifier: id.uuid, at: now)
    }
}
