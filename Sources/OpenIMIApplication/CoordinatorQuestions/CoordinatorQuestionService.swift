import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// Data-protection questions to national coordinators: any user asks the coordinator of their own
/// state; that coordinator's users read them in their inbox and answer; the answer goes back to the
/// asker. Subjects, questions and answers are stored sealed with the register key.
public struct CoordinatorQuestionService: Sendable {
    /// The database.
    public let database: any Database
    /// For authorising.
    public let identity: IdentityService
    /// The master keys, which wrap the register key.
    public let keys: DataKeyRing

    /// Creates the service.
    public init(database: any Database, identity: IdentityService, keys: DataKeyRing) {
        self.database = database
        self.identity = identity
        self.keys = keys
    }

    /// Sends a question from `principal` to the national coordinator of their state.
    public func ask(subject: String, text: String, by principal: Principal, now: Date) async throws -> CoordinatorQuestion {
        guard let state = principal.organisation.memberState else { throw CoordinatorQuestionError.noNationalCoordinator }
        try identity.authorize(principal, .askCoordinator, on: .memberState(state))
        guard let coordinator = try await CoordinatorRepository(sql: database.sql).national(of: state) else {
            throw CoordinatorQuestionError.noNationalCoordinator
        }
        let question = try CoordinatorQuestion.asking(
            subject: subject, text: text, by: principal, coordinator: coordinator.id, id: UUID(), at: now)
        let key = try await registerKey()
        let id = question.id.uuidString.lowercased()
        try await database.sql.insert(into: "coordinator_question")
            .columns(
                "id", "member_state", "coordinator_id", "asked_by", "asker_organisation_kind", "asker_organisation_id", "subject", "body",
                "asked_at"
            )
            .values(
                SQLBind(id), SQLBind(state.rawValue), SQLBind(coordinator.id.uuidString.lowercased()),
                SQLBind(principal.user.id.uuidString.lowercased()), SQLBind(principal.organisation.kind.rawValue),
                SQLBind(question.askerOrganisationID.uuidString.lowercased()),
                SQLBind(try key.seal(question.subject, context: "coordinator_question/\(id)/subject")),
                SQLBind(try key.seal(question.text, context: "coordinator_question/\(id)/body")), SQLBind(now.epochSeconds)
            ).run()
        return question
    }

    /// The questions `principal` asked, newest first.
    public func asked(by principal: Principal) async throws -> [CoordinatorQuestion] {
        try await load(where: "asked_by", principal.user.id)
    }

    /// The questions sent to `principal`'s national coordinator, unanswered first, then newest first.
    public func inbox(of principal: Principal) async throws -> [CoordinatorQuestion] {
        guard let state = principal.organisation.memberState, let coordinator = principal.organisation.id,
            principal.organisation.kind == .nationalCoordinator
        else { throw IdentityError.forbidden(.missingRole) }
        try identity.authorize(principal, .answerCoordinatorQuestions, on: .memberState(state))
        return try await load(where: "coordinator_id", coordinator).sorted { ($0.answer == nil ? 0 : 1) < ($1.answer == nil ? 0 : 1) }
    }

    /// One question, for its asker or its coordinator; anyone else gets `notFound`.
    public func question(_ id: UUID, for principal: Principal) async throws -> CoordinatorQuestion {
        guard let question = try await load(where: "id", id).first, question.isVisible(to: principal) else {
            throw CoordinatorQuestionError.notFound
        }
        return question
    }

    /// Answers question `id` for its national coordinator.
    public func answer(_ id: UUID, text: String, by principal: Principal, now: Date) async throws -> CoordinatorQuestion {
        let question = try await question(id, for: principal)
        guard CoordinatorQuestionRule.answers(principal, for: question.memberState, coordinator: question.coordinatorID) else {
            try identity.authorize(principal, .answerCoordinatorQuestions, on: .memberState(question.memberState))
            throw IdentityError.forbidden(.otherOrganisation)
        }
        let answered = try question.answering(text, by: principal.user.id, at: now)
        let key = try await registerKey()
        let row = id.uuidString.lowercased()
        let updated = try await database.sql.update("coordinator_question")
            .set("answer", to: try key.seal(answered.answer?.text ?? "", context: "coordinator_question/\(row)/answer"))
            .set("answered_by", to: principal.user.id.uuidString.lowercased()).set("answered_at", to: now.epochSeconds)
            .where("id", .equal, row).where("answered_at", .is, SQLLiteral.null).returning("id").all()
        guard !updated.isEmpty else { throw CoordinatorQuestionError.alreadyAnswered }
        return answered
    }

    private func registerKey() async throws -> DataKey {
        try await PlatformKeyRepository(sql: database.sql, ring: keys).key(named: PlatformKeyRepository.registerKeyName)
    }

    private func load(where column: String, _ value: UUID) async throws -> [CoordinatorQuestion] {
        let key = try await registerKey()
        let rows = try await database.sql.select().column("*").from("coordinator_question")
            .where(SQLIdentifier(column), .equal, value.uuidString.lowercased()).orderBy("asked_at", .descending).orderBy("id").all()
        return try rows.map { row in
            let id = try row.decode(column: "id", as: String.self)
            let answer = try row.decode(column: "answer", as: String?.self)
            let answeredBy = try row.decode(column: "answered_by", as: String?.self).flatMap(UUID.init(uuidString:))
            let answeredAt = try row.decode(column: "answered_at", as: Int64?.self)
            guard let uuid = UUID(uuidString: id),
                let state = MemberStateCode(rawValue: try row.decode(column: "member_state", as: String.self)),
                let coordinator = UUID(uuidString: try row.decode(column: "coordinator_id", as: String.self)),
                let asker = UUID(uuidString: try row.decode(column: "asked_by", as: String.self)),
                let kind = OrganisationKind(rawValue: try row.decode(column: "asker_organisation_kind", as: String.self)),
                let organisation = UUID(uuidString: try row.decode(column: "asker_organisation_id", as: String.self))
            else { throw PersistenceError.corruptRow(table: "coordinator_question", key: id) }
            return CoordinatorQuestion(
                id: uuid, memberState: state, coordinatorID: coordinator, askedBy: asker, askerOrganisation: kind,
                askerOrganisationID: organisation,
                subject: try key.open(try row.decode(column: "subject", as: String.self), context: "coordinator_question/\(id)/subject"),
                text: try key.open(try row.decode(column: "body", as: String.self), context: "coordinator_question/\(id)/body"),
                askedAt: Date(timeIntervalSince1970: TimeInterval(try row.decode(column: "asked_at", as: Int64.self))),
                answer: try answer.map { sealed in
                    CoordinatorAnswer(
                        text: try key.open(sealed, context: "coordinator_question/\(id)/answer"), by: answeredBy ?? UUID(),
                        at: Date(timeIntervalSince1970: TimeInterval(answeredAt ?? 0)))
                })
        }
    }
}
