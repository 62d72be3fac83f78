import OpenIMIApplication
import OpenIMIDomain

/// The model of the legal areas page, in one language.
struct LegalAreasPage {
    let areas: [Area]

    init(areas: [LegalArea], catalog: Catalog) {
        self.areas = areas.map { area in
            Area(
                code: area.code.rawValue, name: area.name.text(in: catalog.language),
                acts: area.legalActs.enumerated().map { index, act in
                    Act(celex: act.celex, citation: act.citation.text(in: catalog.language), last: index == area.legalActs.count - 1)
                },
                retention: catalog.text(
                    "legalAreas.retention",
                    ["months": "\(area.retention.blockAfterMonths)", "deleteMonths": "\(RetentionRule.deleteAfterMonths)"]),
                sanctions: catalog.text(area.sanctionsDataAllowed ? "legalAreas.sanctionsAllowed" : "legalAreas.sanctionsNotAllowed"),
                basis: catalog.text(area.consentIsLegalBasis ? "legalAreas.consentBasis" : "legalAreas.lawBasis"),
                procedures: area.procedures.map {
                    Procedure(name: $0.name.text(in: catalog.language), kind: catalog.text($0.kind.catalogKey), legalBasis: $0.legalBasis)
                })
        }
    }

    struct Area {
        let code: String
        let name: String
        let acts: [Act]
        let retention: String
        let sanctions: String
        let basis: String
        let procedures: [Procedure]
    }

    struct Act {
        let celex: String
        let citation: String
        let last: Bool
    }

    struct Procedure {
        let name: String
        let kind: String
        let legalBasis: String
    }
}

extension ProcedureKind {
    /// The catalog key of the kind's name.
    var catalogKey: String {
        switch self {
        case .informationRequest: "procedureKind.informationRequest"
        case .alert: "procedureKind.alert"
        case .notification: "procedureKind.notification"
        case .repository: "procedureKind.repository"
        case .solvitCase: "procedureKind.solvitCase"
        }
    }
}
