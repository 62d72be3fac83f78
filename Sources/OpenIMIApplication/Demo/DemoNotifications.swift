import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// A demo notification as listed in the seed output.
public struct DemoNotificationEntry: Codable, Sendable {
    /// The notification's id.
    public let id: String
    /// Its number.
    public let number: String
    /// Its state.
    public let state: String
    /// Its procedure.
    public let procedure: String
    /// The notifying organisation's id.
    public let senderId: String
    /// The member states it was sent to.
    public let recipientStates: [String]
    /// Its title.
    public let title: String
}

/// Creates demo notifications of national measures between the demo services authorities: one
/// sent with a comment from a recipient, one closed, one draft.
public struct DemoNotifications {
    /// The platform to load into.
    public let platform: Platform

    /// Creates the notifications unless there are already some; returns what it created.
    public func load() async throws -> [DemoNotificationEntry] {
        let notifications = platform.notifications
        guard try await platform.database.sql.select().column("id").from("measure_notification").limit(1).first() == nil else {
            return []
        }
        let now = platform.clock.now()
        let plan:
            [(sender: String, title: String, text: String, recipients: [String], comment: (String, Language)?, close: Bool, start: Int)] = [
                (
                    "dk.services", "Professional liability insurance for architects",
                    "From 1 March 2027 architects established in Denmark and those providing services there must hold professional liability insurance covering at least DKK 5 million per claim (Services Directive, Art. 23). Draft executive order attached to the national consultation.",
                    ["SI", "DE"], ("Slovenia requires comparable cover; we will compare the minimum amounts.", .en), false, -4
                ),
                (
                    "si.services", "Registration of temporary tourist guides",
                    "Tourist guides from other member states providing services temporarily in Slovenia no longer need to register in advance; a declaration at the first service suffices.",
                    ["DK"], nil, true, -12
                ),
                (
                    "de.services", "Minimum capital for debt counselling services",
                    "A planned requirement of minimum capital for debt counselling services; to be notified before adoption (Art. 15(7)).",
                    [], nil, false, -1
                ),
            ]
        var entries: [DemoNotificationEntry] = []
        for item in plan {
            let sender = try await DemoPrincipal.named(item.sender, in: platform)
            let begin = now.addingTimeInterval(Double(item.start) * 86_400)
            var notification = try await notifications.createDraft(
                NewMeasureNotification(procedure: "services-notification", title: item.title, text: item.text, language: .en), by: sender,
                now: begin)
            if !item.recipients.isEmpty {
                notification = try await notifications.send(
                    notification.id, to: Set(item.recipients.compactMap(MemberStateCode.init(rawValue:))),
                    expectedVersion: notification.version, by: sender, now: begin.addingTimeInterval(600))
            }
            if let comment = item.comment, let first = item.recipients.first {
                notification = try await notifications.comment(
                    notification.id, comment.0, language: comment.1, expectedVersion: notification.version,
                    by: try await DemoPrincipal.named("\(first.lowercased()).services", in: platform), now: begin.addingTimeInterval(3_600))
            }
            if item.close {
                notification = try await notifications.close(
                    notification.id, expectedVersion: notification.version, by: sender, now: begin.addingTimeInterval(7_200))
            }
            entries.append(
                DemoNotificationEntry(
                    id: notification.id.description, number: notification.numberText, state: notification.state.rawValue,
                    procedure: notification.procedure.rawValue, senderId: notification.sender.uuidString.lowercased(),
                    recipientStates: notification.recipients.map(\.rawValue).sorted(), title: notification.title))
        }
        return entries
    }
}
