import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// A row of `information_request`. Personal data (subject, free text, answers) sit together in
/// `personal_data`, so that they can be sealed, blocked and deleted as one.
public struct RequestRecord: Sendable, Codable {
    public var id: String
    public var number: String
    public var procedure: String
    public var legalArea: String
    public var questionSetVersion: Int
    public var requesterId: String
    public var responderId: String
    public var earlierResponders: String
    public var referredTo: String?
    public var state: String
    public var version: Int
    public var deadline: Int64
    public var proposedDeadline: Int64?
    public var formalClosureAt: Int64?
    public var questions: String
    public var personalData: String
    public var allocatedTo: String?
    public var createdAt: Int64
    public var sentAt: Int64?
    public var updatedAt: Int64

    // Column names spelt out: decoding with a key strategy converts every key of every row.
    enum CodingKeys: String, CodingKey {
        case id
        case number
        case procedure
        case legalArea = "legal_area"
        case questionSetVersion = "question_set_version"
        case requesterId = "requester_id"
        case responderId = "responder_id"
        case earlierResponders = "earlier_responders"
        case referredTo = "referred_to"
        case state
        case version
        case deadline
        case proposedDeadline = "proposed_deadline"
        case formalClosureAt = "formal_closure_at"
        case questions
        case personalData = "personal_data"
        case allocatedTo = "allocated_to"
        case createdAt = "created_at"
        case sentAt = "sent_at"
        case updatedAt = "updated_at"
    }

    /// The record in `row`, read column by column: it runs for every read of a request, where
    /// decoding through `Codable` took a twentieth of the processor.
    init(row: some SQLRow) throws {
        id = try row.decode(column: CodingKeys.id.stringValue, as: String.self)
        number = try row.decode(column: CodingKeys.number.stringValue, as: String.self)
        procedure = try row.decode(column: CodingKeys.procedure.stringValue, as: String.self)
        legalArea = try row.decode(column: CodingKeys.legalArea.stringValue, as: String.self)
        questionSetVersion = try row.decode(column: CodingKeys.questionSetVersion.stringValue, as: Int.self)
        requesterId = try row.decode(column: CodingKeys.requesterId.stringValue, as: String.self)
        responderId = try row.decode(column: CodingKeys.responderId.stringValue, as: String.self)
        earlierResponders = try row.decode(column: CodingKeys.earlierResponders.stringValue, as: String.self)
        referredTo = try row.decode(column: CodingKeys.referredTo.stringValue, as: String?.self)
        state = try row.decode(column: CodingKeys.state.stringValue, as: String.self)
        version = try row.decode(column: CodingKeys.version.stringValue, as: Int.self)
        deadline = try row.decode(column: CodingKeys.deadline.stringValue, as: Int64.self)
        proposedDeadline = try row.decode(column: CodingKeys.proposedDeadline.stringValue, as: Int64?.self)
        formalClosureAt = try row.decode(column: CodingKeys.formalClosureAt.stringValue, as: Int64?.self)
        questions = try row.decode(column: CodingKeys.questions.stringValue, as: String.self)
        personalData = try row.decode(column: CodingKeys.personalData.stringValue, as: String.self)
        allocatedTo = try row.decode(column: CodingKeys.allocatedTo.stringValue, as: String?.self)
        createdAt = try row.decode(column: CodingKeys.createdAt.stringValue, as: Int64.self)
        sentAt = try row.decode(column: CodingKeys.sentAt.stringValue, as: Int64?.self)
        updatedAt = try row.decode(column: CodingKeys.updatedAt.stringValue, as: Int64.self)
    }

    /// The personal data of a request, stored as one JSON document.
    struct PersonalData: Codable {
        let subject: DataSubject
        let freeText: FreeText?
        let answers: [String: Answer]
    }

    /// SHA-256 of `request`'s personal data as stored: what the access log names as read or written.
    public static func personalDataDigest(of request: InformationRequest) -> String {
        ContentDigest.sha256(
            Data(JSONText.encode(PersonalData(subject: request.subject, freeText: request.freeText, answers: request.answers)).utf8))
    }

    /// Where a request's sealed personal data belong: a ciphertext moved to another row does not open.
    static func personalDataContext(_ id: String) -> String { "information_request/\(id)/personal_data" }

    /// Where a step's sealed comment belongs.
    static func commentContext(_ id: String, position: Int) -> String { "request_step/\(id)/\(position)/comment" }

    /// The row for `request`, its personal data sealed with `key`.
    public init(_ request: InformationRequest, createdAt: Date, now: Date, key: DataKey) throws {
        id = request.id.description
        number = request.number.description
        procedure = request.procedure.rawValue
        legalArea = request.legalArea.rawValue
        questionSetVersion = request.questionSetVersion
        requesterId = request.involvement.requester.description
        responderId = request.involvement.responder.description
        earlierResponders = JSONText.encode(request.involvement.earlierResponders.map { $0.description })
        referredTo = request.involvement.referredTo?.description
        state = request.state.rawValue
        version = request.version
        deadline = request.deadline.epochSeconds
        proposedDeadline = request.proposedDeadline?.epochSeconds
        formalClosureAt = request.formalClosureDate?.epochSeconds
        questions = JSONText.encode(request.questions)
        personalData = try key.seal(
            JSONText.encode(PersonalData(subject: request.subject, freeText: request.freeText, answers: request.answers)),
            context: Self.personalDataContext(id))
        allocatedTo = request.allocatedTo?.description
        self.createdAt = createdAt.epochSeconds
        sentAt = request.steps.first { $0.from == .draft }?.at.epochSeconds
        updatedAt = now.epochSeconds
    }

    /// The domain value with its steps, its personal data opened with `key`.
    public func request(steps: [RequestStep], key: DataKey) throws -> InformationRequest {
        guard let uuid = UUID(uuidString: id), let requester = UUID(uuidString: requesterId), let responder = UUID(uuidString: responderId),
            let state = RequestState(rawValue: state), let number = RequestNumber(number)
        else { throw PersistenceError.corruptRow(table: "information_request", key: id) }
        let personal = try JSONText.decode(PersonalData.self, from: try key.open(personalData, context: Self.personalDataContext(id)))
        let earlier = try JSONText.decode([String].self, from: earlierResponders).map {
            try AuthorityID.stored($0, table: "information_request", key: id)
        }
        return InformationRequest(
            stored: RequestID(uuid), number: number, procedure: try ProcedureCode.stored(procedure, table: "information_request", key: id),
            legalArea: try LegalAreaCode.stored(legalArea, table: "information_request", key: id), questionSetVersion: questionSetVersion,
            involvement: Involvement(
                requester: AuthorityID(requester), responder: AuthorityID(responder), earlierResponders: earlier,
                referredTo: try CoordinatorID.stored(ifPresent: referredTo, table: "information_request", key: id)),
            state: state, version: version, deadline: Date(timeIntervalSince1970: TimeInterval(deadline)),
            proposedDeadline: proposedDeadline.map { Date(timeIntervalSince1970: TimeInterval($0)) }, subject: personal.subject,
            questions: try JSONText.decode([String].self, from: questions), freeText: personal.freeText, answers: personal.answers,
            steps: steps, formalClosureDate: formalClosureAt.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            allocatedTo: try UserID.stored(ifPresent: allocatedTo, table: "information_request", key: id))
    }
}
