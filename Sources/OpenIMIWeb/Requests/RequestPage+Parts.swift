import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RequestPage {
    /// The input for answering one question, of the kind its answer type needs.
    struct AnswerForm {
        /// The question's id, naming the form's fields (`value:<question>`).
        let question: String
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
            self.question = question.id
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
