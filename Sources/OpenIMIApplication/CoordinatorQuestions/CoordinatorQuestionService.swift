import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

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
        try await database.transaction { sql in try await CoordinatorQuestionRepository(sql: sql, key: key).insert(question) }
        return question
    }

    /// The questions `principal` asked, newest first.
    public func asked(by principal: Principal) async throws -> [CoordinatorQuestion] {
        try await load(where: .askedBy, principal.user.id.uuid)
    }

    /// The questions sent to `principal`'s national coordinator, unanswered first, then newest first.
    public func inbox(of principal: Principal) async throws -> [CoordinatorQuestion] {
        guard let state = principal.organisation.memberState, case .nationalCoordinator(let coordinator) = principal.organisation.id
        else { throw IdentityError.forbidden(.missingRole) }
        try identity.authorize(principal, .answerCoordinatorQuestions, on: .memberState(state))
        return try await load(where: .coordinator, coordinator.uuid).sorted { ($0.answer == nil ? 0 : 1) < ($1.answer == nil ? 0 : 1) }
    }

    /// One question, for its asker or its coordinator; anyone else gets `notFound`.
    public func question(_ id: UUID, for principal: Principal) async throws -> CoordinatorQuestion {
        guard let question = try await load(where: .id, id).first, question.isVisible(to: principal) else {
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
        let stored = try await database.transaction { sql in try await CoordinatorQuestionRepository(sql: sql, key: key).answer(answered) }
        guard stored else { throw CoordinatorQuestionError.alreadyAnswered }
        return answered
    }

    private func registerKey() async throws -> DataKey {
        try await PlatformKeyRepository.key(named: PlatformKeyRepository.registerKeyName, in: database, ring: keys)
    }

    private func load(where column: CoordinatorQuestionRepository.Column, _ value: UUID) async throws -> [CoordinatorQuestion] {
        try await CoordinatorQuestionRepository(sql: database.sql, key: try await registerKey()).questions(where: column, is: value)
    }
}
