import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The inbox's search form as the user filled it in: every value kept as typed, the choices of
/// each list with the chosen one marked.
struct InboxSearchForm {
    let number: String
    let sentFrom: String
    let sentTo: String
    /// The messages beside the fields the user types into.
    let numberError: String?
    let sentFromError: String?
    let sentToError: String?
    let procedures: [Option]
    let directions: [Option]
    let states: [Option]
    let memberStates: [Option]
    let waiting: [Option]
    let sorts: [Option]
    /// The authorities of the member state chosen, to pick one counterpart; empty until a state is chosen.
    let counterparts: [Option]
    let hasCounterparts: Bool
    /// The search's parameters as `name=value`, to carry into the pager's links.
    let queryWithoutPaging: [String]
    /// Whether the form holds a search (or errors), so it is shown open.
    let isActive: Bool

    /// One choice of a list.
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    /// The form of `request`'s query, with the procedures of `areas` and the member states other than `own`.
    init(
        _ request: Request, errors: [FieldError], areas: [LegalArea], memberStates: [MemberState], own: MemberStateCode?,
        language: Language, catalog: Catalog, counterparts: [Authority] = []
    ) {
        func error(_ field: String) -> String? { errors.first { $0.field == "search-\(field)" }?.message }
        numberError = error("number")
        sentFromError = error("sentFrom")
        sentToError = error("sentTo")
        func value(_ name: String) -> String { request.query(name).map { String($0.prefix(100)) } ?? "" }
        func options(_ name: String, _ choices: [(String, String)]) -> [Option] {
            let chosen = value(name)
            return [Option(value: "", label: catalog.text("inbox.search.any"), selected: chosen.isEmpty)]
                + choices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == chosen) }
        }
        number = value("number")
        sentFrom = value("sentFrom")
        sentTo = value("sentTo")
        procedures = options("procedure", areas.flatMap(\.procedures).map { ($0.code.rawValue, $0.name.text(in: language)) })
        directions = options("direction", InboxDirection.allCases.map { ($0.rawValue, catalog.text("inbox.directions.\($0.rawValue)")) })
        states = options("state", RequestState.allCases.map { ($0.rawValue, catalog.text("requestState.\($0.rawValue)")) })
        self.memberStates = options(
            "memberState", memberStates.filter { $0.code != own }.map { ($0.code.rawValue, $0.name.text(in: language)) })
        self.counterparts = options("counterpart", counterparts.map { ($0.id.description, $0.name.text(in: language)) })
        hasCounterparts = !counterparts.isEmpty
        waiting = options("waiting", ["us", "them"].map { ($0, catalog.text("inbox.waiting.\($0)")) })
        let sort = value("sort")
        sorts = InboxSort.allCases.map {
            Option(
                value: $0.rawValue, label: catalog.text("inbox.sort.\($0.rawValue)"),
                selected: $0.rawValue == sort || (sort.isEmpty && $0 == .deadline))
        }
        isActive =
            !errors.isEmpty
            || ["number", "procedure", "direction", "memberState", "counterpart", "sentFrom", "sentTo", "sort"].contains {
                !value($0).isEmpty
            }
        queryWithoutPaging = request.uri.queryParameters.filter { InboxQuery.parameters.contains(String($0.key)) && $0.key != "offset" }
            .map { "\(ViewRenderer.encode(String($0.key)))=\(ViewRenderer.encode(String($0.value)))" }.sorted()
    }
}

/// A field the user must correct, with the message shown beside it and in the summary.
struct FieldError: Sendable {
    /// The field's id, for the summary's link.
    let field: String
    /// The field's label.
    let label: String
    /// What is wrong.
    let message: String
}
