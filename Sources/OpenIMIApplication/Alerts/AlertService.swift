import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// What an alert handler writes to start an alert.
public struct NewAlert: Sendable {
    /// The alert procedure.
    public var procedure: String
    /// The values by field id.
    public var values: [String: String]
    /// The language the text fields are written in.
    public var language: Language

    /// Creates the input.
    public init(procedure: String, values: [String: String], language: Language) {
        self.procedure = procedure
        self.values = values
        self.language = language
    }
}

/// Drafts, sends, routes and reads alerts, asking the access policy for every operation and
/// logging every read and write of personal data, as for requests.
public struct AlertService: Sendable {
    /// The database.
    public let database: any Database
    /// For authorising.
    public let identity: IdentityService
    /// The alert templates by procedure.
    public let templates: [String: AlertTemplate]
    /// The legal area of each alert procedure.
    public let procedureAreas: [String: LegalAreaCode]
    /// Whether history can be proved; while it cannot, every change is refused.
    public let evidence: EvidenceStatus
    /// The master keys wrapping each alert's data key.
    public let keys: DataKeyRing

    /// Creates the service.
    public init(
        database: any Database, identity: IdentityService, templates: [String: AlertTemplate], legalAreas: [LegalArea],
        evidence: EvidenceStatus, keys: DataKeyRing
    ) {
        self.database = database
        self.identity = identity
        self.templates = templates
        self.procedureAreas = Dictionary(
            legalAreas.flatMap { area in area.procedures.filter { $0.kind == .alert }.map { ($0.code.rawValue, area.code) } },
            uniquingKeysWith: { first, _ in first })
        self.evidence = evidence
        self.keys = keys
    }

    static let personalFields = ["contents"]

    func template(for procedure: String) throws -> (AlertTemplate, LegalAreaCode) {
        guard let template = templates[procedure], let area = procedureAreas[procedure] else {
            throw AlertError.notAnAlertProcedure(procedure)
        }
        return (template, area)
    }

    /// A new draft by an alert handler of the principal's authority.
    public func createDraft(_ new: NewAlert, by principal: Principal, now: Date) async throws -> Alert {
        try evidence.requireSigning()
        let (template, area) = try template(for: new.procedure)
        guard let procedure = ProcedureCode(rawValue: new.procedure) else { throw AlertError.notAnAlertProcedure(new.procedure) }
        try identity.authorize(principal, .createAlert(legalArea: area.rawValue), on: .organisation(principal.organisation))
        guard let sender = principal.organisation.id.uuid, let state = principal.organisation.memberState else {
            throw IdentityError.forbidden(.notApplicable)
        }
        let actor = StepActor(userID: principal.user.id, organisationID: sender)
        do {
            try template.check(new.values)
        } catch {
            throw AlertError.content(error)
        }
        return try await database.transaction { [keys] sql in
            let number = try await RequestNumberRepository(sql: sql, sequence: .alerts).next(for: state, at: now)
            let alert = try Alert(
                id: .random(), number: AlertNumber(number), procedure: procedure, legalArea: area,
                template: template, sender: sender, senderState: state, values: new.values, language: new.language, by: actor, at: now)
            try await AlertRepository(sql: sql, keys: keys).insert(alert, decisionDay: alert.decisionDay(template: template), now: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: sender, requestID: alert.id.uuid, operation: .write,
                purpose: .createAlertDraft, fields: Self.personalFields, digest: AlertRepository.personalDataDigest(of: alert), at: now)
            return alert
        }
    }

    /// The alert with its personal data, for a reader the policy allows; logged with `purpose`.
    /// Anyone else gets `notFound`.
    public func read(_ id: AlertID, by principal: Principal, purpose: AccessPurpose, now: Date) async throws -> Alert {
        let alert = try await visible(id, to: principal, action: .readAlert)
        try await logRead(alert, by: principal, purpose: purpose, now: now)
        return Self.asSeen(alert, by: principal)
    }

    /// The alert for its sender's readers only (the information notice, which the sender gives);
    /// anyone else gets `notFound`. Logged with `purpose`.
    public func readAsSender(_ id: AlertID, by principal: Principal, purpose: AccessPurpose, now: Date) async throws -> Alert {
        let alert = try await visible(id, to: principal, action: .readAlert)
        guard principal.organisation.id.uuid == alert.sender else { throw AlertError.notFound }
        try await logRead(alert, by: principal, purpose: purpose, now: now)
        return alert
    }

    /// `alert` as the principal's authority may see it: whole for the sender, a recipient's view
    /// (its own state's delivery and steps) for a routed authority.
    static func asSeen(_ alert: Alert, by principal: Principal) -> Alert {
        principal.organisation.id.uuid == alert.sender ? alert : alert.seen(from: principal.organisation.memberState)
    }

    /// What `principal` may be shown of `alert`: the whole alert (the read logged with `purpose`)
    /// for its readers, only that it exists for the coordinators who route it and the operator.
    public func shown(_ alert: Alert, to principal: Principal, purpose: AccessPurpose, now: Date) async throws -> AlertView {
        let facts = alert.facts(commissionInformed: templates[alert.procedure.rawValue]?.recipients == .chosenStatesAndCommission)
        guard AccessPolicy.decide(principal, .readAlert, on: .alert(facts)).isAllowed else {
            return .existence(AlertExistence(alert, for: principal.organisation.memberState))
        }
        try await logRead(alert, by: principal, purpose: purpose, now: now)
        return .full(Self.asSeen(alert, by: principal))
    }

    /// What `principal` may see of alert `id`: the whole alert for its readers (logged), that it
    /// exists for its state's coordinators and the operator; `notFound` for anyone else.
    public func view(_ id: AlertID, by principal: Principal, purpose: AccessPurpose, now: Date) async throws -> AlertView {
        try await shown(try await visible(id, to: principal, action: .readAlertExistence), to: principal, purpose: purpose, now: now)
    }

    private func logRead(_ alert: Alert, by principal: Principal, purpose: AccessPurpose, now: Date) async throws {
        try await database.transaction { sql in
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: alert.id.uuid,
                operation: .read, purpose: purpose, fields: Self.personalFields, digest: AlertRepository.personalDataDigest(of: alert),
                at: now)
        }
    }

    /// Sends the draft: to every other member state, or to the chosen ones (and the Commission).
    public func send(
        _ id: AlertID, to chosen: [MemberStateCode], noticeLanguage: Language? = nil, expectedVersion: Int, by principal: Principal,
        now: Date
    ) async throws -> Alert {
        let states = try await RegistryRepository(sql: database.sql).memberStates().map(\.code)
        // An alert that is not there, or not for the principal, is refused by `change` as not found.
        let facts = try await AlertRepository(sql: database.sql, keys: keys).facts(of: id) { _ in false }
        let area = facts.flatMap { LegalAreaCode(rawValue: $0.facts.legalArea) }
        var rules: [MemberStateCode: Set<UUID>] = [:]
        if let area { rules = try await automaticRouting(for: area, in: states) }
        let routing = rules
        return try await change(id, .send, expectedVersion: expectedVersion, by: principal, now: now) { alert, template, actor in
            try alert.sending(
                template: template, chosen: chosen, allStates: states, automaticRouting: routing, noticeLanguage: noticeLanguage,
                by: actor, at: now)
        }
    }

    /// Amends a sent alert; the earlier content stays as a version.
    public func amend(
        _ id: AlertID, values: [String: String], language: Language, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> Alert {
        try await change(id, .amend, expectedVersion: expectedVersion, by: principal, now: now) { alert, template, actor in
            try alert.amending(values: values, language: language, template: template, by: actor, at: now)
        }
    }

    /// Closes (the restriction ended, the risk is over) or withdraws (unfounded) a sent alert.
    public func finish(
        _ id: AlertID, _ action: AlertAction, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> Alert {
        try await change(id, action, expectedVersion: expectedVersion, by: principal, now: now) { alert, _, actor in
            action == .close ? try alert.closing(by: actor, at: now) : try alert.withdrawing(by: actor, at: now)
        }
    }

    /// Routes the alert, in the coordinator's member state, to authorities of that state registered
    /// in the alert's area.
    public func route(
        _ id: AlertID, to authorities: Set<UUID>, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> Alert {
        guard let state = principal.organisation.memberState else { throw AlertError.notFound }
        let eligible = try await routingChoices(in: state)
        return try await change(id, .route, expectedVersion: expectedVersion, by: principal, now: now) { alert, _, actor in
            let known = Set(eligible.filter { $0.legalAreas.contains(alert.legalArea.rawValue) }.map(\.id.uuid))
            if let unknown = authorities.first(where: { !known.contains($0) }) {
                throw AlertError.unknownAuthority(unknown.uuidString.lowercased())
            }
            return try alert.routing(in: state, to: authorities, by: actor, at: now)
        }
    }

    /// The authorities of `state` an alert can be routed to: the validated ones (each alert keeps
    /// those registered in its area).
    public func routingChoices(in state: MemberStateCode) async throws -> [Authority] {
        try await AuthorityRepository(sql: database.sql).list(memberState: state).filter { $0.status == .validated }
    }

    /// Acknowledges the alert on behalf of the principal's authority, to which it was routed.
    public func acknowledge(_ id: AlertID, expectedVersion: Int, by principal: Principal, now: Date) async throws -> Alert {
        guard let authority = principal.organisation.id.uuid, let state = principal.organisation.memberState else {
            throw AlertError.notFound
        }
        return try await change(id, .acknowledge, expectedVersion: expectedVersion, by: principal, now: now) { alert, _, actor in
            try alert.acknowledging(in: state, authority: authority, by: actor, at: now)
        }
    }

    /// The alert if the principal may do `action` on it; anyone who may not even see that it
    /// exists gets `notFound`, so its existence does not leak.
    func visible(_ id: AlertID, to principal: Principal, action: AccessAction) async throws -> Alert {
        let repository = AlertRepository(sql: database.sql, keys: keys)
        guard
            let stored = try await repository.facts(of: id, commissionInformed: { templates[$0]?.recipients == .chosenStatesAndCommission })
        else { throw AlertError.notFound }
        do {
            try identity.authorize(principal, .readAlertExistence, on: .alert(stored.facts))
        } catch {
            throw AlertError.notFound
        }
        try identity.authorize(principal, action, on: .alert(stored.facts))
        guard stored.retentionPhase == .active else { throw AlertError.personalDataDeleted }
        guard let alert = try await repository.find(id) else { throw AlertError.notFound }
        return alert
    }

    private func change(
        _ id: AlertID, _ action: AlertAction, expectedVersion: Int, by principal: Principal, now: Date,
        _ mutate: @Sendable (Alert, AlertTemplate, StepActor) throws -> Alert
    ) async throws -> Alert {
        try evidence.requireSigning()
        let alert = try await visible(id, to: principal, action: .actOnAlert(action))
        guard alert.version == expectedVersion else { throw AlertError.conflict(currentVersion: alert.version) }
        let (template, _) = try template(for: alert.procedure.rawValue)
        let actor = StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID())
        let changed: Alert
        do {
            changed = try mutate(alert, template, actor)
        } catch let error as AlertStepError {
            throw AlertError.step(error)
        }
        return try await commit(changed, over: alert, action, template: template, by: principal, purpose: .alertStep(action), now: now)
    }

    /// Stores `changed` over `alert` if nobody changed it meanwhile, logs the step with `purpose`
    /// (with the content's digest when it changed), and queues the notices the step gives.
    func commit(
        _ changed: Alert, over alert: Alert, _ action: AlertAction, template: AlertTemplate, by principal: Principal,
        purpose: AccessPurpose, now: Date
    ) async throws -> Alert {
        let id = alert.id
        let actor = StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID())
        let notices = try await notices(of: action, before: alert, after: changed)
        try await database.transaction { [keys] sql in
            guard
                try await AlertRepository(sql: sql, keys: keys).update(
                    changed, expectedVersion: alert.version, storedSteps: alert.steps.count,
                    decisionDay: changed.decisionDay(template: template),
                    now: now)
            else { throw AlertError.conflict(currentVersion: alert.version + 1) }
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: actor.organisationID, requestID: id.uuid, operation: .write,
                purpose: purpose, fields: action == .amend ? Self.personalFields : [],
                digest: action == .amend ? AlertRepository.personalDataDigest(of: changed) : nil, at: now)
            try await Self.record(notices, on: changed, sql: sql, at: now)
        }
        return changed
    }
}
