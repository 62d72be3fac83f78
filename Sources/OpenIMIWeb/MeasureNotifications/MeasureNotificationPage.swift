import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The model of a notification's page: what it says, where it went, the comment thread, and the
/// forms for the steps the user may take.
struct MeasureNotificationPage {
    /// One comment of the thread.
    struct Comment {
        let who: String
        let when: String
        let text: String
        let lang: String
        let language: String
    }

    /// One document, with its download link and, on a draft, its removal form.
    struct Document {
        let name: String
        let href: String
        let removal: String
        let mediaType: String
        let size: String
        let sha256: String
    }

    /// A member state to tick when sending.
    struct StateChoice {
        let name: String
        let label: String
        let checked: Bool
    }

    let id: String
    let number: String
    let title: String
    let text: String
    let textLang: String
    let language: String
    let procedure: String
    let from: String
    let state: String
    let stateCode: String
    let version: Int
    let sent: String?
    let recipients: String
    let comments: [Comment]
    let hasComments: Bool
    let documents: [Document]
    let hasDocuments: Bool
    /// Whether documents may be added or removed (the draft, by whoever may send it).
    let canAttach: Bool
    let attachError: String?
    let canSend: Bool
    let canComment: Bool
    let canClose: Bool
    let hasActions: Bool
    let stateChoices: [StateChoice]
    let recipientsError: String?
    let commentError: String?
    let commentValue: String
    let done: String?

    init(
        notification: MeasureNotification, attachments: [MeasureNotificationAttachment], actions: [MeasureNotificationAction],
        names: RequestDirectory, states: [MemberState],
        catalog: Catalog, time: LocalTime, form: FormEcho?, done: String?
    ) {
        let language = catalog.language
        let stateNames = Dictionary(uniqueKeysWithValues: states.map { ($0.code, $0.name.text(in: language)) })
        func languageName(_ code: Language) -> String { catalog.text("languageName.\(code.rawValue)") }
        id = notification.id.description
        number = notification.numberText
        title = notification.title
        text = notification.text
        textLang = notification.language.rawValue
        self.language = catalog.text("translation.inLanguage", ["language": languageName(notification.language)])
        procedure = names.procedureName(notification.procedure.rawValue)
        from = names.name(notification.sender)
        state = catalog.text("notificationState.\(notification.state.rawValue)")
        stateCode = notification.state.rawValue
        version = notification.version
        sent = notification.sentAt.map(time.minute)
        recipients = notification.recipients.map { stateNames[$0] ?? $0.rawValue }.sorted().joined(separator: ", ")
        comments = notification.comments.map { step in
            Comment(
                who: "\(names.userName(step.actor.userID.uuid)), \(names.name(step.actor.organisationID))", when: time.minute(step.at),
                text: step.comment?.text ?? "", lang: step.comment?.language.rawValue ?? language.rawValue,
                language: step.comment.map { languageName($0.language) } ?? "")
        }
        hasComments = !comments.isEmpty
        documents = attachments.map { attachment in
            let ids = [notification.id.description, attachment.id.uuidString.lowercased()]
            return Document(
                name: attachment.name, href: Site.notificationAttachment.link(ids[0], ids[1]),
                removal: Site.postNotificationAttachmentRemoval.link(ids[0], ids[1]), mediaType: attachment.mediaType.rawValue,
                size: ByteCountFormatter.string(fromByteCount: Int64(attachment.size), countStyle: .file), sha256: attachment.sha256)
        }
        hasDocuments = !documents.isEmpty
        canAttach = actions.contains(.send)
        attachError = form?.messages["file"]
        canSend = actions.contains(.send)
        canComment = actions.contains(.comment)
        canClose = actions.contains(.close)
        hasActions = !actions.isEmpty
        stateChoices = states.filter { $0.code != notification.senderState }.map {
            let name = "state.\($0.code.rawValue)"
            return StateChoice(name: name, label: $0.name.text(in: language), checked: form?.values[name] == "yes")
        }
        recipientsError = form?.messages["recipients"]
        commentError = form?.messages["comment"]
        commentValue = form?.values["comment"] ?? ""
        self.done = done.map { catalog.text("notifications.done.\($0)") }
    }
}
