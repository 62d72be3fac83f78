import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// The model of the PDF report of one exchange, in the reader's language: the request with its
/// procedure and legal acts, the parties, the person or business, the questions and answers (free
/// text with its original language), every step with who and when, the attachments with their
/// SHA-256, and what proves it.
public struct ExchangeReport {
    /// One line of a section.
    public enum Row {
        /// A label with its value.
        case field(String, String, small: Bool)
        /// A paragraph; `bold` for a question.
        case paragraph(String, bold: Bool)
    }

    /// A titled part of the report.
    public struct Section {
        /// The section's heading.
        public let title: String
        /// Its lines.
        public let rows: [Row]
    }

    /// The report's title.
    public let title: String
    /// The paragraph under the title.
    public let intro: String
    /// Its sections, in order.
    public let sections: [Section]
    /// The text at the foot of every page.
    public let footer: String
    /// How pages are numbered ("Page %d of %d" in the reader's language).
    public let pageNumbering: String

    public init(
        issued: ExchangeEvidenceService.Issued, questionSet: QuestionSet?, names: RequestDirectory, actors: [UUID: UserAccount],
        reader: Principal, signing: SigningIdentity, catalog: Catalog, now: Date
    ) {
        let request = issued.request
        let id = request.id.description
        title = catalog.text("report.title")
        intro = catalog.text(
            "report.intro",
            [
                "date": DateText.minute(now), "organisation": reader.organisation.id.uuid.map(names.name) ?? "—",
                "user": reader.user.fullName,
            ])
        footer = catalog.text("report.footer", ["id": id])
        pageNumbering = catalog.text("report.page")
        var summary: [Row] = [
            .field(catalog.text("requests.number"), request.number.description, small: false),
            .field(catalog.text("report.requestID"), id, small: false),
            .field(catalog.text("inbox.procedure"), names.procedureName(request.procedure.rawValue), small: false),
            .field(catalog.text("report.legalArea"), names.areaName(request.legalArea.rawValue), small: false),
        ]
        for act in names.legalActs(request.legalArea.rawValue) {
            summary.append(
                .field(catalog.text("report.legalActs"), "\(act.citation.text(in: catalog.language)) (CELEX \(act.celex))", small: false))
        }
        summary.append(.field(catalog.text("inbox.state"), catalog.text("requestState.\(request.state.rawValue)"), small: false))
        summary.append(.field(catalog.text("requests.deadline"), DateText.day(request.deadline), small: false))
        if let closed = request.formalClosureDate {
            summary.append(.field(catalog.text("report.formalClosure"), DateText.day(closed), small: false))
        }
        let parties = RequestDescription.parties(of: request, names: names, handlers: Array(actors.values), catalog: catalog)
        var subject = RequestDescription.subject(request.subject, catalog: catalog).map { Row.field($0.label, $0.value, small: false) }
        if let free = request.freeText {
            subject.append(
                .field(
                    catalog.text("requests.freeText"),
                    catalog.text("report.answerLanguage", ["answer": free.text, "language": free.language.endonym]), small: false))
        }
        sections = [
            Section(title: catalog.text("report.request"), rows: summary),
            Section(title: catalog.text("requests.parties"), rows: parties.map { .field($0.label, $0.value, small: false) }),
            Section(title: catalog.text("requests.subject"), rows: subject),
            Section(
                title: catalog.text("requests.questions"),
                rows: Self.questions(of: request, questionSet: questionSet, attachments: issued.attachments, catalog: catalog)),
            Section(title: catalog.text("requests.history"), rows: Self.steps(of: request, names: names, actors: actors, catalog: catalog)),
            Section(
                title: catalog.text("requests.attachments"),
                rows: issued.attachments.isEmpty
                    ? [.paragraph(catalog.text("requests.noAttachments"), bold: false)]
                    : issued.attachments.flatMap { attachment -> [Row] in
                        [
                            .paragraph(
                                catalog.text(
                                    "report.attachment",
                                    [
                                        "name": attachment.name, "type": attachment.mediaType.rawValue,
                                        "size": ByteCountFormatter.string(fromByteCount: Int64(attachment.size), countStyle: .file),
                                    ]), bold: true),
                            .field(catalog.text("requests.sha256"), attachment.sha256, small: true),
                        ]
                    }),
            Section(
                title: catalog.text("report.proof"),
                rows: Self.proof(
                    entries: issued.entries, checkpoint: issued.checkpoint, witnesses: issued.witnesses, signing: signing, catalog: catalog)
            ),
        ]
    }

    public static func questions(
        of request: InformationRequest, questionSet: QuestionSet?, attachments: [RequestAttachment], catalog: Catalog
    ) -> [Row] {
        var rows: [Row] = []
        for section in questionSet?.sections ?? [] {
            for question in section.questions where request.questions.contains(question.id) {
                rows.append(.paragraph(question.text.text(in: catalog.language), bold: true))
                guard let answer = request.answers[question.id] else {
                    rows.append(.field(catalog.text("requests.answer"), catalog.text("requests.notAnswered"), small: false))
                    continue
                }
                var value = RequestDescription.display(answer.value, of: question, attachments: attachments, catalog: catalog)
                if question.answer == .text, let language = answer.language {
                    value = catalog.text("report.answerLanguage", ["answer": value, "language": language.endonym])
                }
                rows.append(.field(catalog.text("requests.answer"), value, small: false))
                if let justification = answer.justification {
                    rows.append(.field(catalog.text("requests.justification"), justification, small: false))
                }
            }
        }
        return rows
    }

    private static func steps(
        of request: InformationRequest, names: RequestDirectory, actors: [UUID: UserAccount], catalog: Catalog
    ) -> [Row] {
        request.steps.map { step in
            let action = catalog.text(step.action.map { "requestAction.\($0.rawValue)" } ?? "requests.created")
            let who = catalog.text(
                "report.actor",
                ["organisation": names.name(step.actor.organisationID), "user": actors[step.actor.userID.uuid]?.fullName ?? "—"])
            let comment = step.comment.map { "\n\(catalog.text("requests.comment")): \($0)" } ?? ""
            return .field(DateText.minute(step.at), "\(action) — \(who)\(comment)", small: false)
        }
    }

    private static func witnesses(_ outcome: WitnessQuorum.Outcome, catalog: Catalog) -> String {
        let total = outcome.cosigned.count + outcome.missing.count + outcome.invalid.count
        guard total > 0 else { return catalog.text("report.witnessesNone") }
        return catalog.text(
            "report.witnessesValue",
            [
                "cosigned": String(outcome.cosigned.count), "total": String(total), "quorum": String(outcome.quorum),
                "names": outcome.cosigned.isEmpty ? "—" : outcome.cosigned.joined(separator: ", "),
            ])
    }

    /// What proves a printed exchange or alert: how many log entries its evidence proves, the signed
    /// checkpoint they lead to, the witnesses that cosigned it, the signing key, how to verify.
    public static func proof(
        entries: Int, checkpoint: LogCheckpoint, witnesses outcome: WitnessQuorum.Outcome, signing: SigningIdentity, catalog: Catalog
    ) -> [Row] {
        [
            .field(catalog.text("report.logEntries"), String(entries), small: false),
            .field(
                catalog.text("report.checkpoint"),
                catalog.text(
                    "report.checkpointValue",
                    [
                        "size": String(checkpoint.treeSize), "time": DateText.minute(Date(timeIntervalSince1970: Double(checkpoint.at))),
                        "root": ContentDigest.hex(checkpoint.rootHash),
                    ]), small: true),
            .field(catalog.text("report.witnesses"), witnesses(outcome, catalog: catalog), small: true),
            .field(catalog.text("report.signingKey"), "\(signing.keyID) (\(signing.certificate.subject))", small: true),
            .paragraph(catalog.text("report.verify"), bold: false),
        ]
    }
}
