import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The notice an authority gives the person a request is about (IMI Regulation, Art. 18), in the
/// person's language: which authorities exchanged which categories of their data, under which legal
/// act, for what purpose, how long they are kept, and how to exercise their rights.
public enum InformationNotice {
    /// The notice about `request` in `catalog`'s language, issued by `issuer`.
    public static func report(
        of request: InformationRequest, questionSet: QuestionSet?, names: RequestDirectory, issuer: UUID, catalog: Catalog, now: Date
    ) -> PrintedReport {
        typealias Row = ExchangeReport.Row
        let area = names.areas.first { $0.code == request.legalArea }
        let parties = RequestDescription.parties(of: request, names: names, handlers: [], catalog: catalog)
        let categories = DataCategory.of(asked: request.questions, in: questionSet).map {
            Row.paragraph("• " + catalog.text("notice.category.\($0.rawValue)"), bold: false)
        }
        var basis: [Row] = [
            .field(catalog.text("inbox.procedure"), names.procedureName(request.procedure.rawValue), small: false),
            .field(catalog.text("report.legalArea"), names.areaName(request.legalArea.rawValue), small: false),
        ]
        for act in names.legalActs(request.legalArea.rawValue) {
            basis.append(
                .field(catalog.text("report.legalActs"), "\(act.citation.text(in: catalog.language)) (CELEX \(act.celex))", small: false))
        }
        basis.append(
            .paragraph(
                catalog.text(
                    area?.consentIsLegalBasis == true ? "notice.basis.consent" : "notice.basis.law",
                    ["procedure": names.procedureName(request.procedure.rawValue)]),
                bold: false))
        var retention: [Row] = [
            .paragraph(
                catalog.text(
                    "notice.retention",
                    [
                        "block": String(area?.retention.blockAfterMonths ?? RetentionRule.defaultBlockAfterMonths),
                        "delete": String(RetentionRule.deleteAfterMonths),
                    ]), bold: false)
        ]
        if let closed = request.formalClosureDate {
            retention.append(.field(catalog.text("report.formalClosure"), DateText.day(closed), small: false))
        }
        return PrintedReport(
            title: catalog.text("notice.title"),
            intro: catalog.text("notice.intro", ["authority": names.name(issuer), "date": DateText.day(now)]),
            sections: [
                .init(title: catalog.text("notice.who"), rows: parties.map { .field($0.label, $0.value, small: false) }),
                .init(title: catalog.text("notice.what"), rows: categories),
                .init(title: catalog.text("notice.why"), rows: basis),
                .init(title: catalog.text("notice.howLong"), rows: retention),
                .init(
                    title: catalog.text("notice.rights"),
                    rows: [
                        .paragraph(catalog.text("notice.rightsText", ["authority": names.name(issuer)]), bold: false),
                        .paragraph(catalog.text("notice.coordinators"), bold: false),
                    ]),
            ],
            footer: catalog.text("notice.footer", ["id": request.id.description]), pageNumbering: catalog.text("report.page"))
    }
}
