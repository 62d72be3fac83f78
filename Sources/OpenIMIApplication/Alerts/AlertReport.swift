import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// The printed report of one alert, in the reader's language: what it is and under which acts,
/// its content (every version), the member states it reached as the reader may see them, every
/// step with who and when, and what proves it. Laid out and signed like an exchange's report.
public enum AlertReport {
    /// The report of `issued` for `reader`.
    public static func report(
        issued: AlertService.IssuedEvidence, template: AlertTemplate?, names: RequestDirectory, stateNames: [MemberStateCode: String],
        reader: Principal, signing: SigningIdentity, catalog: Catalog, now: Date
    ) -> PrintedReport {
        typealias Row = ExchangeReport.Row
        let alert = issued.alert
        let language = catalog.language
        var summary: [Row] = [
            .field(catalog.text("alerts.column.number"), alert.number.description, small: false),
            .field(catalog.text("alertReport.alertID"), alert.id.description, small: true),
            .field(catalog.text("alerts.column.procedure"), names.procedureName(alert.procedure.rawValue), small: false),
            .field(catalog.text("report.legalArea"), names.areaName(alert.legalArea.rawValue), small: false),
        ]
        for act in names.legalActs(alert.legalArea.rawValue) {
            summary.append(
                .field(catalog.text("report.legalActs"), "\(act.citation.text(in: language)) (CELEX \(act.celex))", small: false))
        }
        summary += [
            .field(
                catalog.text("alerts.column.from"),
                "\(names.name(alert.sender)) (\(stateNames[alert.senderState] ?? alert.senderState.rawValue))", small: false),
            .field(catalog.text("alerts.column.state"), catalog.text("alertState.\(alert.state.rawValue)"), small: false),
        ]
        if let sent = alert.sentAt { summary.append(.field(catalog.text("alerts.column.sent"), DateText.minute(sent), small: false)) }
        if let finished = alert.finishedAt {
            summary.append(.field(catalog.text("alertReport.finished"), DateText.minute(finished), small: false))
        }

        func content(_ version: AlertContent) -> [Row] {
            let values = template?.labelled(version.values, in: language) ?? []
            return values.map { Row.field($0.label, $0.text, small: false) } + [
                .field(catalog.text("alert.language"), catalog.text("languageName.\(version.language.rawValue)"), small: false)
            ]
        }
        var sections: [ExchangeReport.Section] = [
            .init(title: catalog.text("alertReport.alert"), rows: summary),
            .init(title: catalog.text("alert.content"), rows: content(alert.content)),
        ]
        for version in alert.contents.dropLast().reversed() {
            let heading = catalog.text("alert.versionOf", ["at": DateText.minute(version.at), "by": names.name(version.by.organisationID)])
            sections.append(.init(title: heading, rows: content(version)))
        }
        let deliveries: [Row] = alert.deliveries.sorted { $0.key < $1.key }.map { state, delivery in
            let routed = delivery.routedTo.map { names.name($0) + (delivery.acknowledgedBy.contains($0) ? " ✓" : "") }.sorted()
            let value = ([catalog.text("alertDelivery.\(delivery.state.rawValue)")] + routed).joined(separator: "; ")
            return .field(stateNames[state] ?? state.rawValue, value, small: false)
        }
        if !deliveries.isEmpty {
            sections.append(
                .init(title: catalog.text("alert.deliveries"), rows: [.paragraph(catalog.text("alert.routedTo"), bold: false)] + deliveries)
            )
        }
        let steps: [Row] = alert.steps.map { step in
            let action = step.automatic ? "routeAutomatically" : step.action?.rawValue ?? "create"
            let what =
                step.memberState.map { catalog.text("alertAction.\(action)In", ["state": stateNames[$0] ?? $0.rawValue]) }
                ?? catalog.text("alertAction.\(action)")
            let who = catalog.text(
                "report.actor", ["organisation": names.name(step.actor.organisationID), "user": names.userName(step.actor.userID.uuid)])
            return .field(DateText.minute(step.at), "\(what) — \(who)", small: false)
        }
        sections.append(.init(title: catalog.text("requests.history"), rows: steps))
        sections.append(
            .init(
                title: catalog.text("report.proof"),
                rows: [
                    .field(
                        catalog.text("alertReport.contentDigest"), AlertRepository.personalDataDigest(of: alert), small: true)
                ]
                    + ExchangeReport.proof(
                        entries: issued.entries, checkpoint: issued.checkpoint, witnesses: issued.witnesses, signing: signing,
                        catalog: catalog)))
        return PrintedReport(
            title: catalog.text("alertReport.title"),
            intro: catalog.text(
                "alertReport.intro",
                [
                    "date": DateText.minute(now), "organisation": reader.organisation.id.uuid.map(names.name) ?? "—",
                    "user": reader.user.fullName,
                ]),
            sections: sections, footer: catalog.text("alertReport.footer", ["number": alert.number.description]),
            pageNumbering: catalog.text("report.page"))
    }
}
