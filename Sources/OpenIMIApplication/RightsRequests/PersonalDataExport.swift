import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The printed export of everything an authority holds about a person, in the person's language,
/// for an access request (GDPR Art. 15; IMI Regulation, Art. 19).
public enum PersonalDataExport {
    /// The export for rights request `entry` with the requests found.
    public static func report(
        entry: RightsRequest, exported: [ExportedRequest], alerts: [ExportedAlert] = [], alertTemplates: [String: AlertTemplate] = [:],
        questionSets: [String: QuestionSet], names: RequestDirectory, authority: UUID,
        catalog: Catalog, now: Date
    ) -> PrintedReport {
        typealias Row = ExchangeReport.Row
        var sections: [ExchangeReport.Section] = [
            .init(
                title: catalog.text("export.person"),
                rows: RequestDescription.subject(entry.subject, catalog: catalog).map { .field($0.label, $0.value, small: false) })
        ]
        for item in exported {
            var rows: [Row] = [
                .field(catalog.text("requests.number"), item.match.number, small: false),
                .field(catalog.text("report.requestID"), item.match.id.uuidString.lowercased(), small: true),
                .field(catalog.text("inbox.procedure"), names.procedureName(item.match.procedure), small: false),
                .field(catalog.text("inbox.state"), catalog.text("requestState.\(item.match.state.rawValue)"), small: false),
                .field(
                    catalog.text("subjects.phaseLabel"), catalog.text("subjects.phase.\(item.match.retentionPhase.rawValue)"), small: false),
            ]
            if let request = item.request {
                rows += RequestDescription.parties(of: request, names: names, handlers: [], catalog: catalog).map {
                    .field($0.label, $0.value, small: false)
                }
                rows += RequestDescription.subject(request.subject, catalog: catalog).map { .field($0.label, $0.value, small: false) }
                rows += ExchangeReport.questions(
                    of: request, questionSet: questionSets[request.procedure.rawValue], attachments: item.attachments, catalog: catalog)
            } else {
                rows.append(.paragraph(catalog.text("export.deleted"), bold: false))
            }
            sections.append(.init(title: names.procedureName(item.match.procedure), rows: rows))
        }
        for item in alerts {
            let summary = item.summary
            var rows: [Row] = [
                .field(catalog.text("alerts.column.number"), summary.number.description, small: false),
                .field(catalog.text("alerts.column.from"), names.name(summary.sender), small: false),
                .field(catalog.text("alerts.column.state"), catalog.text("alertState.\(summary.state.rawValue)"), small: false),
                .field(
                    catalog.text("subjects.phaseLabel"), catalog.text("subjects.phase.\(summary.retentionPhase.rawValue)"), small: false),
            ]
            if let alert = item.alert {
                rows += (alertTemplates[alert.procedure.rawValue]?.labelled(alert.content.values, in: catalog.language) ?? []).map {
                    .field($0.label, $0.text, small: false)
                }
            } else {
                rows.append(.paragraph(catalog.text("export.deleted"), bold: false))
            }
            sections.append(.init(title: names.procedureName(summary.procedure.rawValue), rows: rows))
        }
        if exported.isEmpty && alerts.isEmpty {
            sections.append(.init(title: catalog.text("export.requests"), rows: [.paragraph(catalog.text("export.none"), bold: false)]))
        }
        return PrintedReport(
            title: catalog.text("export.title"),
            intro: catalog.text(
                "export.intro", ["authority": names.name(authority), "date": DateText.day(now), "received": entry.receivedOn]),
            sections: sections, footer: catalog.text("export.footer", ["id": entry.id.uuidString.lowercased()]),
            pageNumbering: catalog.text("report.page"))
    }
}
