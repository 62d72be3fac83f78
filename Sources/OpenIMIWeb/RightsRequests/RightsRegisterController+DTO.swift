import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RightsRegisterController {
    /// A register entry as the API shows it to its authority.
    struct EntryDTO: Encodable, Sendable {
        let id: String
        let kind: String
        let subject: RequestsController.SubjectDTO
        let identification: String
        let language: String
        let receivedOn: String
        let dueOn: String
        let status: String
        let overdue: Bool
        let outcome: String?
        let handledAt: Date?
        let version: Int

        init(_ entry: RightsRequest, now: Date) {
            id = entry.id.uuidString.lowercased()
            kind = entry.kind.rawValue
            subject = RequestsController.SubjectDTO(entry.subject)
            identification = entry.identification
            language = entry.language.rawValue
            receivedOn = entry.receivedOn
            dueOn = entry.dueOn
            status = entry.status.rawValue
            overdue = entry.isOverdue(at: now)
            outcome = entry.outcome
            handledAt = entry.handledAt
            version = entry.version
        }
    }

    /// The register.
    struct EntriesDTO: Encodable, Sendable {
        let rightsRequests: [EntryDTO]
    }

    /// The overdue entries of a state, without personal data.
    struct OverdueDTO: Encodable, Sendable {
        let overdue: [OverdueRightsRequest]
    }

    /// Everything held about the person, for them.
    struct PersonalDataExportDTO: Encodable, Sendable {
        /// One request with the person's data in it.
        struct Item: Encodable, Sendable {
            let id: String
            let procedure: String
            let legalArea: String
            let state: String
            let retentionPhase: String
            let createdAt: Date
            let request: RequestsController.RequestDTO?
        }

        let type = "openimi.personal-data-export"
        let rightsRequest: String
        let language: String
        let subject: RequestsController.SubjectDTO
        let requests: [Item]
        /// The alerts the authority sent or was routed to about the person: what each is, with its
        /// content as the authority sees it (absent once deleted).
        let alerts: [AlertItem]

        /// One alert with the person's data in it.
        struct AlertItem: Encodable, Sendable {
            let summary: AlertSummaryDTO
            let alert: AlertDTO?
        }

        init(entry: RightsRequest, exported: [ExportedRequest], alerts exportedAlerts: [ExportedAlert]) {
            alerts = exportedAlerts.map { AlertItem(summary: AlertSummaryDTO($0.summary), alert: $0.alert.map(AlertDTO.init)) }
            rightsRequest = entry.id.uuidString.lowercased()
            language = entry.language.rawValue
            subject = RequestsController.SubjectDTO(entry.subject)
            requests = exported.map { item in
                Item(
                    id: item.match.id.uuidString.lowercased(), procedure: item.match.procedure, legalArea: item.match.legalArea,
                    state: item.match.state.rawValue, retentionPhase: item.match.retentionPhase.rawValue, createdAt: item.match.createdAt,
                    request: item.request.map(RequestsController.RequestDTO.init))
            }
        }
    }

    /// A correction another authority made.
    struct CorrectionDTO: Encodable, Sendable {
        let id: String
        let request: String
        let field: String
        let oldValueDigest: String
        let correctedAt: Date
        let appliedAt: Date?

        init(_ notice: CorrectionNotice) {
            id = notice.id.uuidString.lowercased()
            request = notice.requestID.uuidString.lowercased()
            field = notice.field.rawValue
            oldValueDigest = notice.oldValueDigest
            correctedAt = notice.correctedAt
            appliedAt = notice.appliedAt
        }
    }

    /// The corrections.
    struct CorrectionsDTO: Encodable, Sendable {
        let corrections: [CorrectionDTO]
    }
}
