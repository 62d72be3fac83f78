import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RequestsController {
    /// The body of `POST /api/v1/requests`.
    struct NewRequestBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["procedure", "responderId", "subject", "questions", "freeText", "deadline"]
        let procedure: String
        let responderId: String
        let subject: SubjectDTO
        let questions: [String]?
        let freeText: FreeTextDTO?
        let deadline: Date
    }

    /// The body of `POST /api/v1/requests/{id}/steps`.
    struct StepBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["action", "version", "comment", "commentLanguage", "proposedDeadline", "forwardTo"]
        let action: String
        let version: Int
        let comment: String?
        /// The comment's language; the user's own when left out.
        let commentLanguage: String?
        let proposedDeadline: Date?
        let forwardTo: String?
    }

    /// The body of `PUT /api/v1/requests/{id}/answers/{question}`.
    struct AnswerBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["value", "justification", "language", "version"]
        let value: String
        let justification: String?
        let language: String?
        let version: Int
    }

    /// The body of `POST /api/v1/requests/{id}/blocked-access`.
    struct BlockedAccessBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["purpose", "justification", "rightsRequestReference"]
        let purpose: String
        let justification: String
        let rightsRequestReference: String?

        /// The validated opening.
        func opening() throws -> BlockedDataOpening {
            guard let purpose = BlockedDataPurpose(rawValue: purpose) else { throw RequestError.invalidParameter("purpose", .notAllowed) }
            return try BlockedDataOpening(purpose: purpose, justification: justification, rightsRequestReference: rightsRequestReference)
        }
    }

    /// The body of `POST /api/v1/requests/{id}/allocation`.
    struct AllocationBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["handlerId", "version"]
        let handlerId: String
        let version: Int
    }

    /// The body of `POST /api/v1/requests/{id}/deadline-decision`.
    struct DeadlineBody: StrictJSONBody, Sendable {
        static let fieldNames: Set<String> = ["accept", "version"]
        let accept: Bool
        let version: Int
    }

    /// A person or business as the API writes it.
    struct SubjectDTO: Codable, Sendable {
        let kind: String
        let givenNames: String?
        let familyNames: String?
        let dateOfBirth: String?
        let nationalities: [String]?
        let identifiers: [PersonalIdentifier]?
        let name: String?
        let registrationNumber: String?
        let registrationState: String?

        func subject() throws -> DataSubject {
            switch kind {
            case "person":
                return .person(
                    NaturalPerson(
                        givenNames: givenNames ?? "", familyNames: familyNames ?? "", dateOfBirth: dateOfBirth,
                        nationalities: nationalities ?? [],
                        identifiers: identifiers ?? []))
            case "business":
                return .business(
                    Business(name: name ?? "", registrationNumber: registrationNumber ?? "", registrationState: registrationState))
            default:
                throw RequestError.invalidParameter("subject.kind", .notAllowed)
            }
        }

        init(_ subject: DataSubject) {
            switch subject {
            case .person(let person):
                (kind, givenNames, familyNames, dateOfBirth, nationalities, identifiers) =
                    ("person", person.givenNames, person.familyNames, person.dateOfBirth, person.nationalities, person.identifiers)
                (name, registrationNumber, registrationState) = (nil, nil, nil)
            case .business(let business):
                (kind, name, registrationNumber, registrationState) = (
                    "business", business.name, business.registrationNumber, business.registrationState
                )
                (givenNames, familyNames, dateOfBirth, nationalities, identifiers) = (nil, nil, nil, nil, nil)
            }
        }
    }

    /// Free text with its language.
    struct FreeTextDTO: Codable, Sendable {
        let text: String
        let language: String

        func freeText() throws -> FreeText {
            guard let language = Language(rawValue: language) else { throw RequestError.unsupportedLanguage(language) }
            return FreeText(text: text, language: language)
        }
    }

    /// A request with its personal data, as involved users see it.
    struct RequestDTO: Codable, Sendable {
        struct Step: Codable, Sendable {
            let action: String?
            let to: String
            let at: Date
            let userId: String
            let organisationId: String
            let comment: String?
            /// The language the comment was written in.
            let commentLanguage: String?
            /// The handler an allocation routed the request to.
            let allocatedTo: String?
        }

        let id: String
        let number: String
        let procedure: String
        let legalArea: String
        let questionSetVersion: Int
        let requesterId: String
        let responderId: String
        let earlierResponderIds: [String]
        let state: String
        let version: Int
        let deadline: Date
        let proposedDeadline: Date?
        let formalClosureDate: Date?
        let allocatedTo: String?
        let subject: SubjectDTO
        let questions: [String]
        let freeText: FreeTextDTO?
        let answers: [String: Answer]
        let steps: [Step]

        init(_ request: InformationRequest) {
            id = request.id.description
            number = request.number.description
            procedure = request.procedure.rawValue
            legalArea = request.legalArea.rawValue
            questionSetVersion = request.questionSetVersion
            requesterId = request.involvement.requester.description
            responderId = request.involvement.responder.description
            earlierResponderIds = request.involvement.earlierResponders.map { $0.description }
            state = request.state.rawValue
            version = request.version
            deadline = request.deadline
            proposedDeadline = request.proposedDeadline
            formalClosureDate = request.formalClosureDate
            allocatedTo = request.allocatedTo?.description
            subject = SubjectDTO(request.subject)
            questions = request.questions
            freeText = request.freeText.map { FreeTextDTO(text: $0.text, language: $0.language.rawValue) }
            answers = request.answers
            steps = request.steps.map {
                Step(
                    action: $0.action?.rawValue, to: $0.to.rawValue, at: $0.at, userId: $0.actor.userID.description,
                    organisationId: $0.actor.organisationID.uuidString.lowercased(), comment: $0.comment,
                    commentLanguage: $0.commentLanguage?.rawValue, allocatedTo: $0.allocatedTo?.description)
            }
        }
    }

    /// An inbox entry: no personal data.
    struct SummaryDTO: Codable, Sendable {
        let id: String
        let number: String
        let procedure: String
        let legalArea: String
        let requesterId: String
        let responderId: String
        let state: String
        let deadline: Date
        let deadlineStatus: String
        let allocatedTo: String?
        let version: Int
        let updatedAt: Date

        init(_ summary: RequestSummary, now: Date) {
            id = summary.id
            number = summary.number
            procedure = summary.procedure
            legalArea = summary.legalArea
            requesterId = summary.requesterId
            responderId = summary.responderId
            state = summary.state
            deadline = Date(timeIntervalSince1970: TimeInterval(summary.deadline))
            deadlineStatus =
                DeadlineStatus.of(state: RequestState(rawValue: summary.state) ?? .closed, deadline: deadline, at: now).rawValue
            allocatedTo = summary.allocatedTo
            version = summary.version
            updatedAt = Date(timeIntervalSince1970: TimeInterval(summary.updatedAt))
        }
    }

    /// The inbox: one page of requests and the counts by state.
    struct InboxDTO: Codable, Sendable {
        let requests: [SummaryDTO]
        let counts: [String: Int]
    }

    /// An attachment's description.
    struct AttachmentDTO: Codable, Sendable {
        let id: String
        let requestId: String
        let name: String
        let mediaType: String
        let size: Int
        let sha256: String
        let uploadedAt: Date
        let organisationId: String

        init(_ attachment: RequestAttachment) {
            id = attachment.id.uuidString.lowercased()
            requestId = attachment.requestID.uuidString.lowercased()
            name = attachment.name
            mediaType = attachment.mediaType.rawValue
            size = attachment.size
            sha256 = attachment.sha256
            uploadedAt = attachment.uploadedAt
            organisationId = attachment.uploadedBy.organisationID.uuidString.lowercased()
        }
    }

    /// The attachments of a request.
    struct AttachmentsDTO: Codable, Sendable {
        let attachments: [AttachmentDTO]
    }

    /// A notification: which step was taken on which request. No personal data.
    struct NotificationDTO: Codable, Sendable {
        let requestId: String
        let number: String?
        let procedure: String?
        let action: String
        let state: String
        let at: Date
        let forUser: Bool

        init(_ notification: RequestNotification) {
            requestId = notification.requestId
            number = notification.number
            procedure = notification.procedure
            action = notification.action
            state = notification.state
            at = Date(timeIntervalSince1970: TimeInterval(notification.at))
            forUser = notification.userId != nil
        }
    }

    /// The latest notifications.
    struct NotificationsDTO: Codable, Sendable {
        let notifications: [NotificationDTO]
    }
}
