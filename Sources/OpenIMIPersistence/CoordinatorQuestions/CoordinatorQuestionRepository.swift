import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// The questions to national coordinators, their subject, text and answer sealed with the register key.
public struct CoordinatorQuestionRepository: Sendable {
    /// The database or transaction to work in (a transaction for writes).
    public let sql: any SQLDatabase
    /// The register key.
    public let key: DataKey

    /// Creates a repository over `sql` sealing with `key`.
    public init(sql: any SQLDatabase, key: DataKey) {
        self.sql = sql
        self.key = key
    }

    /// Stores a new question.
    public func insert(_ question: CoordinatorQuestion) async throws {
        let id = question.id.uuidString.lowercased()
        try await sql.insert(into: "coordinator_question")
            .columns(
                "id", "member_state", "coordinator_id", "asked_by", "asker_organisation_kind", "asker_organisation_id", "subject", "body",
                "asked_at"
            )
            .values(
                SQLBind(id), SQLBind(question.memberState.rawValue), SQLBind(question.coordinatorID.description),
                SQLBind(question.askedBy.description), SQLBind(question.askerOrganisation.rawValue),
                SQLBind(question.askerOrganisationID.uuidString.lowercased()),
                SQLBind(try key.seal(question.subject, context: "coordinator_question/\(id)/subject")),
                SQLBind(try key.seal(question.text, context: "coordinator_question/\(id)/body")), SQLBind(question.askedAt.epochSeconds)
            ).run()
    }

    /// Stores the answer of `question` unless it was answered meanwhile; false when it was.
    public func answer(_ question: CoordinatorQuestion) async throws -> Bool {
        guard let answer = question.answer else { return false }
        let row = question.id.uuidString.lowercased()
        return try await !sql.update("coordinator_question")
            .set("answer", to: try key.seal(answer.text, context: "coordinator_question/\(row)/answer"))
            .set("answered_by", to: answer.by.description).set("answered_at", to: answer.at.epochSeconds)
            .where("id", .equal, row).where("answered_at", .is, SQLLiteral.null).returning("id").all().isEmpty
    }

    /// The questions whose `column` (id, asked_by or coordinator_id) is `value`, newest first.
    public func questions(where column: Column, is value: UUID) async throws -> [CoordinatorQuestion] {
        let rows = try await sql.select().column("*").from("coordinator_question")
            .where(SQLIdentifier(column.rawValue), .equal, value.uuidString.lowercased()).orderBy("asked_at", .descending).orderBy("id")
            .all()
        return try rows.map(question)
    }

    /// The columns questions are looked up by.
    public enum Column: String, Sendable {
        /// The question's id.
        case id
        /// The user who asked.
        case askedBy = "asked_by"
        /// The coordinator asked.
        case coordinator = "coordinator_id"
    }

    private func question(_ row: any SQLRow) throws -> CoordinatorQuestion {
        let table = "coordinator_question"
        let id = try row.decode(column: "id", as: String.self)
        let uuid = try row.decodeUUID(column: "id", table: table)
        let state = try row.decode(column: "member_state", as: MemberStateCode.self, table: table)
        let coordinator = try row.decodeUUID(column: "coordinator_id", table: table)
        let asker = try row.decodeUUID(column: "asked_by", table: table)
        let kind = try row.decode(column: "asker_organisation_kind", as: OrganisationKind.self, table: table)
        let organisation = try row.decodeUUID(column: "asker_organisation_id", table: table)
        var answer: CoordinatorAnswer?
        if let sealed = try row.decode(column: "answer", as: String?.self) {
            guard let by = try row.decode(column: "answered_by", as: String?.self).flatMap(UUID.init(uuidString:)),
                let at = try row.decode(column: "answered_at", as: Int64?.self)
            else { throw PersistenceError.corruptRow(table: table, key: id) }
            answer = CoordinatorAnswer(
                text: try key.open(sealed, context: "coordinator_question/\(id)/answer"), by: UserID(by),
                at: Date(timeIntervalSince1970: TimeInterval(at)))
        }
        return CoordinatorQuestion(
            id: uuid, memberState: state, coordinatorID: CoordinatorID(coordinator), askedBy: UserID(asker), askerOrganisation: kind,
            askerOrganisationID: organisation,
            subject: try key.open(try row.decode(column: "subject", as: String.self), context: "coordinator_question/\(id)/subject"),
            text: try key.open(try row.decode(column: "body", as: String.self), context: "coordinator_question/\(id)/body"),
            askedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "asked_at", as: Int64.self))), answer: answer)
    }
}
