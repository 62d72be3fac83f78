import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// An alert with its personal data, as its sender's and routed authorities' users see it.
struct AlertDTO: Codable, Sendable {
    struct Content: Codable, Sendable {
        let values: [String: String]
        let language: String
        let at: Date
        let userId: String
        let organisationId: String
    }

    struct Delivery: Codable, Sendable {
        let memberState: String
        let state: String
        let routedTo: [String]
        let acknowledgedBy: [String]
    }

    struct Step: Codable, Sendable {
        let action: String?
        let memberState: String?
        let at: Date
        let userId: String
        let organisationId: String
        let routedTo: [String]
    }

    let id: String
    let number: String
    let procedure: String
    let legalArea: String
    let templateVersion: Int
    let senderId: String
    let senderState: String
    let state: String
    let version: Int
    /// The current content.
    let content: Content
    /// Every version, oldest first (the last is the current one).
    let versions: [Content]
    let deliveries: [Delivery]
    let steps: [Step]
    let sentAt: Date?
    let finishedAt: Date?

    init(_ alert: Alert) {
        func content(_ version: AlertContent) -> Content {
            Content(
                values: version.values, language: version.language.rawValue, at: version.at, userId: version.by.userID.description,
                organisationId: version.by.organisationID.uuidString.lowercased())
        }
        func ids(_ set: Set<UUID>) -> [String] { set.map { $0.uuidString.lowercased() }.sorted() }
        id = alert.id.description
        number = alert.number.description
        procedure = alert.procedure.rawValue
        legalArea = alert.legalArea.rawValue
        templateVersion = alert.templateVersion
        senderId = alert.sender.uuidString.lowercased()
        senderState = alert.senderState.rawValue
        state = alert.state.rawValue
        version = alert.version
        self.content = content(alert.content)
        versions = alert.contents.map(content)
        deliveries = alert.deliveries.sorted { $0.key < $1.key }.map {
            Delivery(
                memberState: $0.key.rawValue, state: $0.value.state.rawValue, routedTo: ids($0.value.routedTo),
                acknowledgedBy: ids($0.value.acknowledgedBy))
        }
        steps = alert.steps.map {
            Step(
                action: $0.action?.rawValue, memberState: $0.memberState?.rawValue, at: $0.at, userId: $0.actor.userID.description,
                organisationId: $0.actor.organisationID.uuidString.lowercased(), routedTo: $0.routedTo.map { $0.uuidString.lowercased() })
        }
        sentAt = alert.sentAt
        finishedAt = alert.finishedAt
    }
}

/// That an alert exists, without its personal data: what the coordinators who route it see.
struct AlertExistenceDTO: Codable, Sendable {
    let id: String
    let number: String
    let procedure: String
    let legalArea: String
    let senderId: String
    let senderState: String
    let state: String
    let version: Int
    let sentAt: Date?
    let finishedAt: Date?
    /// The delivery in the viewer's member state.
    let delivery: AlertDTO.Delivery?

    init(_ existence: AlertExistence) {
        id = existence.id.description
        number = existence.number.description
        procedure = existence.procedure.rawValue
        legalArea = existence.legalArea.rawValue
        senderId = existence.sender.uuidString.lowercased()
        senderState = existence.senderState.rawValue
        state = existence.state.rawValue
        version = existence.version
        sentAt = existence.sentAt
        finishedAt = existence.finishedAt
        delivery = existence.delivery.map {
            AlertDTO.Delivery(
                memberState: $0.memberState.rawValue, state: $0.delivery.state.rawValue,
                routedTo: $0.delivery.routedTo.map { $0.uuidString.lowercased() }.sorted(),
                acknowledgedBy: $0.delivery.acknowledgedBy.map { $0.uuidString.lowercased() }.sorted())
        }
    }
}

/// An alert in a list: what it is and where it stands, no personal data.
struct AlertSummaryDTO: Codable, Sendable {
    let id: String
    let number: String
    let procedure: String
    let legalArea: String
    let senderId: String
    let senderState: String
    let state: String
    let version: Int
    /// The delivery's state in the viewer's member state, in lists of received alerts.
    let delivery: String?
    /// Whether the personal data are still held (`active`) or were deleted.
    let retentionPhase: String
    let sentAt: Date?
    let updatedAt: Date

    init(_ summary: AlertSummary) {
        id = summary.id.description
        number = summary.number.description
        procedure = summary.procedure.rawValue
        legalArea = summary.legalArea.rawValue
        senderId = summary.sender.uuidString.lowercased()
        senderState = summary.senderState.rawValue
        state = summary.state.rawValue
        version = summary.version
        delivery = summary.delivery?.rawValue
        retentionPhase = summary.retentionPhase.rawValue
        sentAt = summary.sentAt
        updatedAt = summary.updatedAt
    }
}

/// `GET /api/v1/alerts`: the principal's alerts by the part it plays.
struct AlertListsDTO: Codable, Sendable {
    /// Drafted or sent by the principal's authority.
    let sent: [AlertSummaryDTO]
    /// Routed to the principal's authority.
    let received: [AlertSummaryDTO]
    /// Delivered to the coordinator's member state, to route.
    let toRoute: [AlertSummaryDTO]
    /// Services Directive alerts, for the Commission.
    let commission: [AlertSummaryDTO]

    init(_ lists: AlertLists) {
        sent = lists.sent.map(AlertSummaryDTO.init)
        received = lists.received.map(AlertSummaryDTO.init)
        toRoute = lists.toRoute.map(AlertSummaryDTO.init)
        commission = lists.commission.map(AlertSummaryDTO.init)
    }
}
