import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// A request's parts as a reader sees them, in the reader's language: the parties, the person or
/// business, an answer's value. Pages and printed documents show them alike.
public enum RequestDescription {
    /// The parties of the request, in the reader's language.
    public static func parties(
        of request: InformationRequest, names: RequestDirectory, handlers: [UserAccount], catalog: Catalog
    ) -> [LabelledValue] {
        var parties = [
            LabelledValue(label: catalog.text("requests.requester"), value: names.name(request.involvement.requester.uuid)),
            LabelledValue(label: catalog.text("requests.responder"), value: names.name(request.involvement.responder.uuid)),
        ]
        for earlier in request.involvement.earlierResponders {
            parties.append(LabelledValue(label: catalog.text("requests.earlierResponder"), value: names.name(earlier.uuid)))
        }
        if let coordinator = request.involvement.referredTo {
            parties.append(LabelledValue(label: catalog.text("requests.referredTo"), value: names.name(coordinator.uuid)))
        }
        if let allocated = request.allocatedTo {
            let handler = handlers.first { $0.id == allocated }
            parties.append(
                LabelledValue(label: catalog.text("requests.allocatedTo"), value: handler.map { "\($0.fullName) (\($0.username))" } ?? "—"))
        }
        return parties
    }

    /// The kinds of personal identifiers the forms offer, each with its name in the catalogs.
    public static let identifierKinds = ["national-id", "passport", "identity-card", "tax-number", "professional-registration"]

    /// The name of an identifier kind in the reader's language; a kind the catalogs do not know as given.
    public static func identifierKind(_ kind: String, catalog: Catalog) -> String {
        catalog.strings["identifierKinds.\(kind)"] ?? kind
    }

    /// The person or business as label–value rows.
    public static func subject(_ subject: DataSubject, catalog: Catalog) -> [LabelledValue] {
        switch subject {
        case .person(let person):
            var rows = [
                LabelledValue(label: catalog.text("subject.givenNames"), value: person.givenNames),
                LabelledValue(label: catalog.text("subject.familyNames"), value: person.familyNames),
            ]
            if let born = person.dateOfBirth { rows.append(LabelledValue(label: catalog.text("subject.dateOfBirth"), value: born)) }
            if !person.nationalities.isEmpty {
                rows.append(
                    LabelledValue(label: catalog.text("subject.nationalities"), value: person.nationalities.joined(separator: ", ")))
            }
            for identifier in person.identifiers {
                rows.append(
                    LabelledValue(
                        label: catalog.text("subject.identifier"),
                        value:
                            "\(identifier.value) (\(identifierKind(identifier.kind, catalog: catalog))\(identifier.issuer.map { ", \($0)" } ?? ""))"
                    ))
            }
            return rows
        case .business(let business):
            var rows = [
                LabelledValue(label: catalog.text("subject.businessName"), value: business.name),
                LabelledValue(label: catalog.text("subject.registrationNumber"), value: business.registrationNumber),
            ]
            if let state = business.registrationState {
                rows.append(LabelledValue(label: catalog.text("subject.registrationState"), value: state))
            }
            return rows
        }
    }

    /// An answer's value as a reader sees it: yes/no and choices in their language, documents by name.
    public static func display(_ value: String, of question: Question, attachments: [RequestAttachment], catalog: Catalog) -> String {
        switch question.answer {
        case .yesNo: return catalog.text(value == "yes" ? "answer.yes" : "answer.no")
        case .singleChoice, .multipleChoice:
            return value.split(separator: ",").map { id in
                question.options.first { $0.id == id.trimmingCharacters(in: .whitespaces) }?.text.text(in: catalog.language) ?? String(id)
            }.joined(separator: ", ")
        case .document:
            return attachments.first { $0.id.uuidString.lowercased() == value.lowercased() }?.name ?? value
        case .date, .number, .text:
            return value
        }
    }
}
