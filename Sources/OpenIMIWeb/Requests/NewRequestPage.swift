import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of the page for drafting a request: first the procedure, then the responding
/// authority (searched in the directory), the person or business, the questions and the deadline.
struct NewRequestPage {
    let procedures: [ProcedureLink]
    let procedure: ProcedureForm?

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
    }

    init(
        areas: [LegalArea], principal: Principal, chosen: String?, questionSet: QuestionSet?, memberStates: [MemberState],
        searchState: String?, searchName: String?, responders: [Authority], catalog: Catalog, now: Date
    ) {
        let language = catalog.language
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
                    id: $0.id.description, text: "\($0.name.text(in: language)) (\($0.memberState.rawValue))", selected: false)
            },
            hasResponders: responders.contains { $0.memberState != principal.organisation.memberState },
            sections: questionSet.sections.map { section in
                Section(
                    title: section.title.text(in: language),
                    questions: section.questions.map {
                        QuestionOption(id: $0.id, text: $0.text.text(in: language), personalData: $0.personalData, sensitive: $0.sensitive)
                    })
            },
            languages: Language.allCases.map { Option(id: $0.rawValue, text: $0.endonym, selected: $0 == language) },
            deadline: DateText.day(now.addingTimeInterval(14 * 86_400)))
    }
}
