import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of the page for drafting a request: first the procedure, then the responding
/// authority (searched in the directory), the person or business, the questions and the deadline.
struct NewRequestPage {
    let procedures: [ProcedureLink]
    let procedure: ProcedureForm?
    /// The values the form shows: typed, from the draft being edited, or empty.
    let values: DraftFormValues
    let identifierKinds: [Option]
    /// The fields to correct after a refused form, in a summary and beside each field.
    let errors: [FieldError]
    let hasErrors: Bool
    let messages: DraftFieldMessages
    /// Where the form posts: a new draft, or the draft `editing` is the id of.
    let action: String
    let editing: String?

    struct ProcedureLink {
        let code: String
        let name: String
        let area: String
        let href: String
    }

    struct Option {
        let id: String
        let text: String
        let selected: Bool
    }

    struct ProcedureForm {
        let code: String
        let name: String
        let states: [Option]
        let searchName: String
        let responders: [Option]
        let hasResponders: Bool
        let sections: [Section]
        let languages: [Option]
        let deadline: String
    }

    struct Section {
        let title: String
        let questions: [QuestionOption]
    }

    struct QuestionOption {
        let id: String
        let text: String
        let personalData: Bool
        let sensitive: Bool
        let checked: Bool
    }

    init(
        areas: [LegalArea], principal: Principal, chosen: String?, questionSet: QuestionSet?, memberStates: [MemberState],
        searchState: String?, searchName: String?, responders: [Authority], catalog: Catalog, now: Date,
        values: DraftFormValues = DraftFormValues(), errors: [FieldError] = [], editing: RequestID? = nil
    ) {
        let language = catalog.language
        self.values = values
        self.errors = errors
        hasErrors = !errors.isEmpty
        messages = DraftFieldMessages(errors)
        self.editing = editing?.description
        action = editing.map { Site.postRequestDraft.link($0.description) } ?? Site.postRequests.link()
        identifierKinds = RequestDescription.identifierKinds.map {
            Option(id: $0, text: RequestDescription.identifierKind($0, catalog: catalog), selected: $0 == values.identifierKind)
        }
        let handled = areas.filter { area in
            principal.organisation.legalAreas.contains(area.code.rawValue)
                && principal.holds(.requestHandler(legalArea: area.code.rawValue))
        }
        procedures = handled.flatMap { area in
            area.procedures.filter { $0.kind == .informationRequest }.map {
                ProcedureLink(
                    code: $0.code.rawValue, name: $0.name.text(in: language), area: area.name.text(in: language),
                    href: Site.newRequest.link(query: "procedure=\($0.code)"))
            }
        }
        guard let chosen, let procedure = handled.lazy.flatMap(\.procedures).first(where: { $0.code.rawValue == chosen }), let questionSet
        else {
            self.procedure = nil
            return
        }
        self.procedure = ProcedureForm(
            code: procedure.code.rawValue, name: procedure.name.text(in: language),
            states: memberStates.filter { $0.code != principal.organisation.memberState }.map {
                Option(id: $0.code.rawValue, text: $0.name.text(in: language), selected: $0.code.rawValue == searchState)
            },
            searchName: searchName ?? "",
            responders: responders.filter { $0.memberState != principal.organisation.memberState }.map {
                Option(
                    id: $0.id.description, text: "\($0.name.text(in: language)) (\($0.memberState.rawValue))",
                    selected: $0.id.description == values.responderId)
            },
            hasResponders: responders.contains { $0.memberState != principal.organisation.memberState },
            sections: questionSet.sections.map { section in
                Section(
                    title: section.title.text(in: language),
                    questions: section.questions.map {
                        QuestionOption(
                            id: $0.id, text: $0.text.text(in: language), personalData: $0.personalData, sensitive: $0.sensitive,
                            checked: values.questions.contains($0.id))
                    })
            },
            languages: Language.allCases.map {
                Option(id: $0.rawValue, text: $0.endonym, selected: $0.rawValue == (values.freeTextLanguage ?? language.rawValue))
            },
            deadline: values.deadline.isEmpty ? DateText.day(now.addingTimeInterval(14 * 86_400)) : values.deadline)
    }
}
