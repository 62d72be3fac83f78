import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension RequestPage {
    /// The parties of the request, in the reader's language.
    static func parties(
        of request: InformationRequest, names: RequestDirectory, handlers: [UserAccount], catalog: Catalog
    ) -> [Labelled] {
        var parties = [
            Labelled(label: catalog.text("requests.requester"), value: names.name(request.involvement.requester)),
            Labelled(label: catalog.text("requests.responder"), value: names.name(request.involvement.responder)),
        ]
        for earlier in request.involvement.earlierResponders {
            parties.append(Labelled(label: catalog.text("requests.earlierResponder"), value: names.name(earlier)))
        }
        if let coordinator = request.involvement.referredTo {
            parties.append(Labelled(label: catalog.text("requests.referredTo"), value: names.name(coordinator)))
        }
        if let allocated = request.allocatedTo {
            let handler = handlers.first { $0.id == allocated }
            parties.append(
                Labelled(label: catalog.text("requests.allocatedTo"), value: handler.map { "\($0.fullName) (\($0.username))" } ?? "—"))
        }
        return parties
    }

    /// The person or business as label–value rows.
    static func subject(_ subject: DataSubject, catalog: Catalog) -> [Labelled] {
        switch subject {
        case .person(let person):
            var rows = [
                Labelled(label: catalog.text("subject.givenNames"), value: person.givenNames),
                Labelled(label: catalog.text("subject.familyNames"), value: person.familyNames),
            ]
            if let born = person.dateOfBirth { rows.append(Labelled(label: catalog.text("subject.dateOfBirth"), value: born)) }
            if !person.nationalities.isEmpty {
                rows.append(Labelled(label: catalog.text("subject.nationalities"), value: person.nationalities.joined(separator: ", ")))
            }
            for identifier in person.identifiers {
                rows.append(
                    Labelled(
                        label: catalog.text("subject.identifier"),
                        value: "\(identifier.value) (\(identifier.kind)\(identifier.issuer.map { ", \($0)" } ?? ""))"))
            }
            return rows
        case .business(let business):
            var rows = [
                Labelled(label: catalog.text("subject.businessName"), value: business.name),
                Labelled(label: catalog.text("subject.registrationNumber"), value: business.registrationNumber),
            ]
            if let state = business.registrationState {
                rows.append(Labelled(label: catalog.text("subject.registrationState"), value: state))
            }
            return rows
        }
    }

    /// An answer's value as a reader sees it: yes/no and choices in their language, documents by name.
    static func display(_ value: String, of question: Question, attachments: [RequestAttachment], catalog: Catalog) -> String {
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

    /// The input for answering one question, of the kind its answer type needs.
    struct AnswerForm {
        let kind: String
        let isYesNo: Bool
        let isDate: Bool
        let isNumber: Bool
        let isText: Bool
        let isSingleChoice: Bool
        let isMultipleChoice: Bool
        let isDocument: Bool
        let options: [Option]
        let current: String
        let needsJustification: Bool
        let justification: String

        init(_ question: Question, current answer: Answer?, documents: [Option], catalog: Catalog) {
            let current = answer?.value ?? ""
            let chosen = Set(current.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            kind = question.answer.rawValue
            isYesNo = question.answer == .yesNo
            isDate = question.answer == .date
            isNumber = question.answer == .number
            isText = question.answer == .text
            isSingleChoice = question.answer == .singleChoice
            isMultipleChoice = question.answer == .multipleChoice
            isDocument = question.answer == .document
            switch question.answer {
            case .yesNo:
                options = ["yes", "no"].map { Option(id: $0, text: catalog.text("answer.\($0)"), selected: $0 == current) }
            case .singleChoice, .multipleChoice:
                options = question.options.map {
                    Option(id: $0.id, text: $0.text.text(in: catalog.language), selected: chosen.contains($0.id))
                }
            case .document:
                options = documents.map { Option(id: $0.id, text: $0.text, selected: $0.id == current.lowercased()) }
            case .date, .number, .text:
                options = []
            }
            self.current = current
            needsJustification = question.sensitive
            justification = answer?.justification ?? ""
        }
    }
}
