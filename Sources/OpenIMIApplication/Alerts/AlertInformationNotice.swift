import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// The notice the sending authority gives the professional or provider an alert is about
/// (Directive 2005/36/EC Art. 56a(7); IMI Regulation Art. 18), in their language: who sent the
/// alert to whom, which categories of their data it holds (never the values), under which legal
/// act, how long the data are kept and how to exercise their rights.
public enum AlertInformationNotice {
    /// The notice about `alert` in `catalog`'s language, issued by `issuer`.
    public static func report(
        of alert: Alert, template: AlertTemplate?, names: RequestDirectory, states: [MemberState], issuer: UUID, catalog: Catalog,
        now: Date
    ) -> PrintedReport {
        typealias Row = ExchangeReport.Row
        let language = catalog.language
        let recipients = alert.deliveries.keys.sorted().map { code in
            states.first { $0.code == code }?.name.text(in: language) ?? code.rawValue
        }
        var who: [Row] = [.field(catalog.text("alert.notice.sender"), names.name(alert.sender), small: false)]
        who.append(
            .field(
                catalog.text("alert.notice.recipients", ["count": String(recipients.count)]),
                recipients.isEmpty ? "—" : recipients.joined(separator: ", "), small: false))
        let categories = (template?.fields ?? []).filter(\.personalData).map {
            Row.paragraph(
                "• " + $0.title.text(in: language) + ($0.sensitive ? " (\(catalog.text("requests.sensitiveData")))" : ""), bold: false)
        }
        var basis: [Row] = [
            .field(catalog.text("inbox.procedure"), names.procedureName(alert.procedure.rawValue), small: false),
            .field(catalog.text("report.legalArea"), names.areaName(alert.legalArea.rawValue), small: false),
        ]
        for act in names.legalActs(alert.legalArea.rawValue) {
            basis.append(.field(catalog.text("report.legalActs"), "\(act.citation.text(in: language)) (CELEX \(act.celex))", small: false))
        }
        basis.append(.paragraph(catalog.text("alert.notice.basis"), bold: false))
        return PrintedReport(
            title: catalog.text("alert.notice.title"),
            intro: catalog.text("alert.notice.intro", ["authority": names.name(issuer), "date": DateText.day(now)]),
            sections: [
                .init(title: catalog.text("notice.who"), rows: who),
                .init(title: catalog.text("notice.what"), rows: categories),
                .init(title: catalog.text("notice.why"), rows: basis),
                .init(title: catalog.text("notice.howLong"), rows: [.paragraph(catalog.text("alert.notice.retention"), bold: false)]),
                .init(
                    title: catalog.text("notice.rights"),
                    rows: [
                        .paragraph(catalog.text("notice.rightsText", ["authority": names.name(issuer)]), bold: false),
                        .paragraph(catalog.text("notice.coordinators"), bold: false),
                    ]),
            ],
            footer: catalog.text("alert.notice.footer", ["number": alert.number.description]), pageNumbering: catalog.text("report.page"))
    }
}
