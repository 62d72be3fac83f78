import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// What a requester gives to draft a request.
public struct NewRequest: Sendable {
    public var procedure: String
    public var responder: UUID
    public var subject: DataSubject
    public var questions: [String]
    public var freeText: FreeText?
    public var deadline: Date

    /// Creates the description of a new request.
    public init(procedure: String, responder: UUID, subject: DataSubject, questions: [String], freeText: FreeText?, deadline: Date) {
        self.procedure = procedure
        self.responder = responder
        self.subject = subject
        self.questions = questions
        self.freeText = freeText
        self.deadline = deadline
    }
}

/// Drafts, reads and moves information requests, asking the access policy for every operation and
/// logging every read and write of personal data.
public struct RequestService: Sendable {
    /// The database.
    public let database: any Database
    /// For authorising and for organisation profiles.
    public let identity: IdentityService
    /// The question sets by procedure.
    public let questionSets: [String: QuestionSet]
    /// Whether history can be proved; while it cannot, every change is refused.
    public let evidence: EvidenceStatus
    /// The master keys wrapping each request's data key.
    public let keys: DataKeyRing
    /// Where reads are logged, many concurrent ones per transaction.
    let readLog: ReadLog

    /// Creates the service.
    public init(
        database: any Database, identity: IdentityService, questionSets: [String: QuestionSet], evidence: EvidenceStatus, keys: DataKeyRing
    ) {
        self.keys = keys
        self.database = database
        self.identity = identity
        self.questionSets = questionSets
        self.evidence = evidence
        self.readLog = ReadLog(database: database)
    }

    static let personalFields = ["subject", "freeText", "answers"]

    /// What a draft's form must satisfy, whether it creates the draft or edits it: a procedure for
    /// information requests, a validated responder of another state in its area, known questions
    /// (returned in the question set's order, each once), a valid person or business.
    func checkedDraft(
        _ new: NewRequest, by principal: Principal
    ) async throws -> (procedure: Procedure, area: LegalAreaCode, set: QuestionSet, responder: Authority, questions: [String]) {
        guard let (procedure, area) = try await RegistryRepository(sql: database.sql).procedure(new.procedure),
            procedure.kind == .informationRequest, let set = questionSets[new.procedure]
        else { throw InformationRequestError.unknownProcedure(new.procedure) }
        try identity.authorize(principal, .createRequest(legalArea: area.rawValue), on: .organisation(principal.organisation))
        guard let responder = try await AuthorityRepository(sql: database.sql).find(new.responder), responder.status == .validated,
            responder.legalAreas.contains(area.rawValue), responder.memberState != principal.organisation.memberState
        else { throw InformationRequestError.responderNotEligible }
        for question in new.questions where set.question(question) == nil { throw InformationRequestError.unknownQuestion(question) }
        try new.subject.validate()
        return (procedure, area, set, responder, set.questions.map(\.id).filter(new.questions.contains))
    }

    /// Drafts a request from the principal's authority.
    public func createDraft(_ new: NewRequest, by principal: Principal, now: Date) async throws -> InformationRequest {
        try evidence.requireSigning()
        let (procedure, area, set, responder, questions) = try await checkedDraft(new, by: principal)
        guard let requester = principal.organisation.id.uuid, let state = principal.organisation.memberState else {
            throw InformationRequestError.responderNotEligible
        }
        return try await database.transaction { sql in
            let request = InformationRequest(
                id: .random(), number: try await RequestNumberRepository(sql: sql).next(for: state, at: now),
                procedure: procedure.code, legalArea: area, questionSetVersion: set.version,
                involvement: Involvement(requester: AuthorityID(requester), responder: responder.id), deadline: new.deadline,
                subject: new.subject,
                questions: questions, freeText: new.freeText, createdBy: StepActor(userID: principal.user.id, organisationID: requester),
                at: now)
            try await RequestRepository(sql: sql, keys: keys).insert(request, now: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: requester, requestID: request.id.uuid, operation: .write,
                purpose: .createDraft,
                fields: Self.personalFields, digest: RequestRecord.personalDataDigest(of: request), at: now)
            return request
        }
    }

    /// The request with its personal data, for an involved user with a role in its area; logged with `purpose`.
    /// Anyone else gets `notFound`, so not even its existence leaks.
    public func read(_ id: RequestID, by principal: Principal, purpose: AccessPurpose, now: Date) async throws -> InformationRequest {
        let request = try await visible(id, to: principal)
        try await logRead(request, by: principal, purpose: purpose, now: now)
        return request
    }

    /// Logs that `principal` read `request`'s personal data for `purpose`.
    func logRead(_ request: InformationRequest, by principal: Principal, purpose: AccessPurpose, now: Date) async throws {
        try await readLog.record(
            AccessLog.Processing(
                user: principal.user.id.uuid, organisation: try principal.actingOrganisationID(), request: request.id.uuid,
                operation: .read, purpose: purpose, fields: Self.personalFields, digest: RequestRecord.personalDataDigest(of: request),
                at: now))
    }

    /// Logs that `principal` read `fields` of request `id` (a list that names people or files) for `purpose`.
    func logListRead(of id: RequestID, fields: [String], by principal: Principal, purpose: AccessPurpose, now: Date) async throws {
        try await readLog.record(
            AccessLog.Processing(
                user: principal.user.id.uuid, organisation: try principal.actingOrganisationID(), request: id.uuid, operation: .read,
                purpose: purpose, fields: fields, at: now))
    }

    /// Takes a workflow step; refused when the request changed since `expectedVersion`.
    public func act(
        _ id: RequestID, _ action: RequestAction, details: StepDetails, forwardTo: UUID?, expectedVersion: Int, by principal: Principal,
        now: Date
    ) async throws -> InformationRequest {
        try await change(
            id, expectedVersion: expectedVersion, by: principal, action: .actOnRequest(action), purpose: .step(action),
            notify: .counterparts(action.rawValue), now: now
        ) {
            request in
            var details = details
            if let forwardTo {
                details.forwardTo = try await identity.organisation(.authority(AuthorityID(forwardTo)))
            }
            if action == .refer, details.referTo == nil, let state = principal.organisation.memberState {
                details.referTo = try await CoordinatorRepository(sql: database.sql).national(of: state)?.id
            }
            // Only forwarding needs the responder's state (the new responder must share it).
            let responderState =
                action == .forward
                ? try await AuthorityRepository(sql: database.sql).find(request.involvement.responder.uuid)?.memberState : nil
            let party = request.involvement.party(of: principal.organisation) ?? .requester
            return try request.taking(
                action, by: party, actor: StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID()),
                responderState: responderState, details: details, at: now)
        }
    }

    /// Records an answer to one question.
    public func answer(
        _ id: RequestID, question: String, answer: Answer, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> InformationRequest {
        try await change(
            id, expectedVersion: expectedVersion, by: principal, action: .answerQuestion, purpose: .answer(question: question), now: now
        ) {
            request in
            guard let question = questionSets[request.procedure.rawValue]?.question(question) else {
                throw InformationRequestError.unknownQuestion(question)
            }
            guard let area = try await RegistryRepository(sql: database.sql).legalArea(request.legalArea.rawValue) else {
                throw InformationRequestError.unknownProcedure(request.procedure.rawValue)
            }
            let attachments =
                question.answer == .document
                ? Set(try await AttachmentRepository(sql: database.sql, keys: keys).list(of: id.uuid).map(\.id)) : []
            let consents =
                question.sensitive ? try await ConsentRepository(sql: database.sql, keys: keys).records(of: id.uuid, openNames: false) : []
            return try request.answering(question, with: answer, area: area, attachments: attachments, consents: consents, at: now)
        }
    }

    /// The requester accepts or refuses the deadline the responder proposed.
    public func decideProposedDeadline(
        _ id: RequestID, accept: Bool, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws
        -> InformationRequest
    {
        try await change(
            id, expectedVersion: expectedVersion, by: principal, action: .decideProposedDeadline, purpose: .decideDeadline,
            notify: .counterparts(accept ? "deadline-accepted" : "deadline-refused"), now: now
        ) {
            try $0.decidingProposedDeadline(accept: accept)
        }
    }

    /// The requests of the principal's organisation matching `query`, without personal data, with
    /// counts by state: for users with a role in a legal area at an authority (their areas only),
    /// and for coordinators the requests referred to them.
    public func inbox(of principal: Principal, query: InboxQuery = InboxQuery()) async throws -> Inbox {
        let areas = try await inboxAreas(of: principal)
        let repository = RequestRepository(sql: database.sql, keys: keys)
        return Inbox(
            requests: try await repository.inbox(of: principal.organisation, areas: areas, query: query),
            counts: try await repository.inboxCounts(of: principal.organisation, areas: areas), areas: areas)
    }

    func inboxAreas(of principal: Principal) async throws -> Set<String> {
        guard principal.user.status == .active, principal.organisation.isActive else { throw IdentityError.forbidden(.inactive) }
        switch principal.organisation.kind {
        case .authority:
            let areas = Set(principal.user.roles.compactMap(\.legalArea))
            guard !areas.isEmpty else { throw IdentityError.forbidden(.missingRole) }
            return areas
        case .nationalCoordinator, .areaCoordinator:
            guard principal.holds(.nationalCoordinator) || principal.holds(.areaCoordinator) else {
                throw IdentityError.forbidden(.missingRole)
            }
            return Set(try await RegistryRepository(sql: database.sql).legalAreas().map(\.code.rawValue))
        case .platform:
            throw IdentityError.forbidden(.missingRole)
        }
    }

    func visible(_ id: RequestID, to principal: Principal) async throws -> InformationRequest {
        let repository = RequestRepository(sql: database.sql, keys: keys)
        let found = try await repository.find(id.uuid) { access in
            do {
                try identity.authorize(
                    principal, .readRequest, on: .request(access.involvement, legalArea: access.legalArea, state: access.state))
            } catch {
                // Logged as a denial by `authorize`; the caller learns nothing, not even that the request exists.
                throw InformationRequestError.notFound
            }
            switch access.retentionPhase {
            case .active: break
            case .blocked: throw InformationRequestError.personalDataBlocked
            case .deleted: throw InformationRequestError.personalDataDeleted
            }
        }
        guard let request = found else { throw InformationRequestError.notFound }
        return request
    }

    func change(
        _ id: RequestID, expectedVersion: Int, by principal: Principal, action: AccessAction, purpose: AccessPurpose,
        notify: StepNotice? = nil,
        now: Date, _ mutate: @Sendable (InformationRequest) async throws -> InformationRequest
    ) async throws -> InformationRequest {
        try evidence.requireSigning()
        let request = try await visible(id, to: principal)
        try identity.authorize(
            principal, action, on: .request(request.involvement, legalArea: request.legalArea.rawValue, state: request.state))
        try await requireConsentBasis(of: id, now: now)
        guard request.version == expectedVersion else { throw InformationRequestError.conflict(currentVersion: request.version) }
        let changed = try await mutate(request)
        try await commit(changed, over: request, by: principal, purpose: purpose, notify: notify, now: now)
        return changed
    }

    /// Writes `changed` over `request` in one transaction: the version check, the sealed row and its
    /// new steps, the subject index when the person or business changed, the access-log entry for
    /// `fields`, the counterparts' notifications and e-mails, and what `alongside` adds. Every
    /// change of a request's data goes through here, after it was authorised.
    func commit(
        _ changed: InformationRequest, over request: InformationRequest, by principal: Principal, purpose: AccessPurpose,
        fields: [String] = personalFields, notify: StepNotice?, now: Date,
        alongside: @escaping @Sendable (any SQLDatabase) async throws -> Void = { _ in }
    ) async throws {
        let organisation = try principal.actingOrganisationID()
        let notices = try await Self.notices(notify, before: request, after: changed, actor: organisation, sql: database.sql)
        let keys = keys
        try await database.transaction { sql in
            guard
                try await RequestRepository(sql: sql, keys: keys).update(
                    changed, expectedVersion: request.version, storedSteps: request.steps.count, now: now)
            else {
                throw InformationRequestError.conflict(currentVersion: request.version + 1)
            }
            if changed.subject != request.subject {
                let index = SubjectIndexRepository(sql: sql, ring: keys)
                try await index.remove(changed.id.description)
                try await index.add([changed], index: try await index.index())
            }
            try await alongside(sql)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: organisation, requestID: changed.id.uuid, operation: .write,
                purpose: purpose,
                fields: fields, digest: RequestRecord.personalDataDigest(of: changed), at: now)
            try await Self.record(notices, on: changed, sql: sql, at: now)
        }
    }
}
