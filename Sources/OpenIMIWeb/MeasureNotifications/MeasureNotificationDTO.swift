import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// A notification in the API, with its comment thread.
struct MeasureNotificationDTO: Codable, Sendable {
    /// One comment.
    struct Comment: Codable, Sendable {
        let text: String
        let language: String
        let memberState: String
        let organisationId: String
        let userId: String
        let at: Date
    }

    let id: String
    let number: String
    let procedure: String
    let legalArea: String
    let senderId: String
    let senderState: String
    let recipients: [String]
    let title: String
    let text: String
    let language: String
    let state: String
    let version: Int
    let sentAt: Date?
    let comments: [Comment]

    init(_ notification: MeasureNotification) {
        id = notification.id.description
        number = notification.numberText
        procedure = notification.procedure.rawValue
        legalArea = notification.legalArea.rawValue
        senderId = notification.sender.uuidString.lowercased()
        senderState = notification.senderState.rawValue
        recipients = notification.recipients.map(\.rawValue).sorted()
        title = notification.title
        text = notification.text
        language = notification.language.rawValue
        state = notification.state.rawValue
        version = notification.version
        sentAt = notification.sentAt
        comments = notification.comments.map {
            Comment(
                text: $0.comment?.text ?? "", language: $0.comment?.language.rawValue ?? "", memberState: $0.memberState.rawValue,
                organisationId: $0.actor.organisationID.uuidString.lowercased(), userId: $0.actor.userID.description, at: $0.at)
        }
    }
}

/// A notification in a list.
struct MeasureNotificationSummaryDTO: Codable, Sendable {
    let id: String
    let number: String
    let procedure: String
    let legalArea: String
    let senderId: String
    let senderState: String
    let title: String
    let state: String
    let sentAt: Date?
    let updatedAt: Date

    init(_ summary: MeasureNotificationSummary) {
        id = summary.id.description
        number = summary.number
        procedure = summary.procedure.rawValue
        legalArea = summary.legalArea.rawValue
        senderId = summary.sender.uuidString.lowercased()
        senderState = summary.senderState.rawValue
        title = summary.title
        state = summary.state.rawValue
        sentAt = summary.sentAt
        updatedAt = summary.updatedAt
    }
}

/// The principal's notifications by the part it plays.
struct MeasureNotificationListsDTO: Codable, Sendable {
    let sent: [MeasureNotificationSummaryDTO]
    let received: [MeasureNotificationSummaryDTO]

    init(_ lists: MeasureNotificationLists) {
        sent = lists.sent.map(MeasureNotificationSummaryDTO.init)
        received = lists.received.map(MeasureNotificationSummaryDTO.init)
    }
}
