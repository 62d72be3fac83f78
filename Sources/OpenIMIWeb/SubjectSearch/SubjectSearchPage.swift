import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The page for finding a person's or business's requests: the form and, after a search, what was found.
struct SubjectSearchPage {
    struct Row {
        let id: String
        let number: String
        let procedure: String
        let state: String
        let phase: String
        let isActive: Bool
        let created: String
    }

    let searched: Bool
    let results: [Row]
    let hasResults: Bool

    init(matches: [SubjectMatch]?, names: RequestDirectory?, catalog: Catalog) {
        searched = matches != nil
        results = (matches ?? []).map { match in
            Row(
                id: match.id.uuidString.lowercased(), number: match.number,
                procedure: names?.procedureName(match.procedure) ?? match.procedure,
                state: catalog.text("requestState.\(match.state.rawValue)"),
                phase: catalog.text("subjects.phase.\(match.retentionPhase.rawValue)"),
                isActive: match.retentionPhase == .active, created: DateText.day(match.createdAt))
        }
        hasResults = !results.isEmpty
    }
}
