import Foundation
import OpenIMIDomain
import OpenIMIPersistence

/// What a notifying user writes to start a notification.
public struct NewMeasureNotification: Sendable {
    /// The notification procedure.
    public var procedure: String
    /// What the measure is, in a line.
    public var title: String
    /// The measure described.
    public var text: String
    /// The language title and text are written in.
    public var language: Language

    /// Creates the input.
    public init(procedure: String, title: String, text: String, language: Language) {
        self.procedure = procedure
        self.title = title
        self.text = text
        self.language = language
    }
}

/// Drafts, sends, comments on and closes notifications of national measures, asking the access
/// policy for every operation and logging every step in the access log, as for alerts.
public struct MeasureNotificationService: Sendable {
    /// The database.
    public let database: any Database
    /// For authorising.
    public let identity: IdentityService
    /// The legal area of each notification procedure.
    public let procedureAreas: [String: LegalAreaCode]
    /// Whether history can be proved; while it cannot, every change is refused.
    public let evidence: EvidenceStatus

    /// Creates the service.
    public init(database: any Database, identity: IdentityService, legalAreas: [LegalArea], evidence: EvidenceStatus) {
        self.database = database
        self.identity = identity
        self.procedureAreas = Dictionary(
            legalAreas.flatMap { area in area.procedures.filter { $0.kind == .notification }.map { ($0.code.rawValue, area.code) } },
            uniquingKeysWith: { first, _ in first })
        self.evidence = evidence
    }

    /// The notification procedures the principal may start, by code, with their areas.
    public func procedures(for principal: Principal) -> [(procedure: String, area: LegalAreaCode)] {
        procedureAreas.sorted { $0.key < $1.key }.filter {
            AccessPolicy.decide(principal, .createNotification(legalArea: $0.value.rawValue), on: .organisation(principal.organisation))
                .isAllowed
        }.map { ($0.key, $0.value) }
    }

    /// A new draft by the principal's organisation.
    public func createDraft(_ new: NewMeasureNotification, by principal: Principal, now: Date) async throws -> MeasureNotification {
        try evidence.requireSigning()
        guard let area = procedureAreas[new.procedure], let procedure = ProcedureCode(rawValue: new.procedure) else {
            throw MeasureNotificationServiceError.notANotificationProcedure(new.procedure)
        }
        try identity.authorize(principal, .createNotification(legalArea: area.rawValue), on: .organisation(principal.organisation))
        guard let sender = principal.organisation.id.uuid, let state = principal.organisation.memberState else {
            throw IdentityError.forbidden(.notApplicable)
        }
        let actor = StepActor(userID: principal.user.id, organisationID: sender)
        return try await database.transaction { sql in
            let number = try await RequestNumberRepository(sql: sql, sequence: .notifications).next(for: state, at: now)
            let notification: MeasureNotification
            do throws(MeasureNotificationError) {
                notification = try MeasureNotification(
                    id: .random(), number: number, procedure: procedure, legalArea: area, sender: sender, senderState: state,
                    title: new.title, text: new.text, language: new.language, by: actor, at: now)
            } catch {
                throw MeasureNotificationServiceError.content(error)
            }
            try await MeasureNotificationRepository(sql: sql).insert(notification, now: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: sender, requestID: notification.id.uuid, operation: .write,
                purpose: .createNotificationDraft, fields: [], at: now)
            return notification
        }
    }

    /// Notification `id`, for its parties; `notFound` for anyone else.
    public func read(_ id: MeasureNotificationID, by principal: Principal) async throws -> MeasureNotification {
        guard let notification = try await MeasureNotificationRepository(sql: database.sql).find(id),
            AccessPolicy.decide(principal, .readNotification, on: .notification(notification.facts)).isAllowed
        else { throw MeasureNotificationServiceError.notFound }
        return notification
    }

    /// The steps the principal may take on `notification`.
    public func actions(on notification: MeasureNotification, for principal: Principal) -> [MeasureNotificationAction] {
        MeasureNotificationAction.allCases.filter {
            AccessPolicy.decide(principal, .actOnNotification($0), on: .notification(notification.facts)).isAllowed
        }
    }

    /// Sends the draft to `states`.
    public func send(
        _ id: MeasureNotificationID, to states: Set<MemberStateCode>, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> MeasureNotification {
        try await change(id, .send, expectedVersion: expectedVersion, by: principal, now: now) {
            (notification, actor, _) throws(MeasureNotificationError) in
            try notification.sending(to: states, by: actor, at: now)
        }
    }

    /// Adds a comment in `language` to the thread.
    public func comment(
        _ id: MeasureNotificationID, _ text: String, language: Language, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> MeasureNotification {
        try await change(id, .comment, expectedVersion: expectedVersion, by: principal, now: now) {
            (notification, actor, party) throws(MeasureNotificationError) in
            guard let state = principal.organisation.memberState else { throw MeasureNotificationError.recipients }
            return try notification.commenting(text, language: language, by: party, actor: actor, memberState: state, at: now)
        }
    }

    /// Closes it.
    public func close(
        _ id: MeasureNotificationID, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> MeasureNotification {
        try await change(id, .close, expectedVersion: expectedVersion, by: principal, now: now) {
            (notification, actor, _) throws(MeasureNotificationError) in
            try notification.closing(by: actor, at: now)
        }
    }

    private func change(
        _ id: MeasureNotificationID, _ action: MeasureNotificationAction, expectedVersion: Int, by principal: Principal, now: Date,
        _ mutate: (MeasureNotification, StepActor, MeasureNotificationParty) throws(MeasureNotificationError) -> MeasureNotification
    ) async throws -> MeasureNotification {
        try evidence.requireSigning()
        let notification = try await read(id, by: principal)
        try identity.authorize(principal, .actOnNotification(action), on: .notification(notification.facts))
        guard notification.version == expectedVersion else {
            throw MeasureNotificationServiceError.conflict(currentVersion: notification.version)
        }
        let actor = StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID())
        let changed: MeasureNotification
        do {
            changed = try mutate(notification, actor, actor.organisationID == notification.sender ? .sender : .recipient)
        } catch {
            throw MeasureNotificationServiceError.content(error)
        }
        let notices = try await notices(of: action, on: changed, by: actor.organisationID)
        try await database.transaction { sql in
            guard
                try await MeasureNotificationRepository(sql: sql).update(
                    changed, expectedVersion: notification.version, storedSteps: notification.steps.count, now: now)
            else { throw MeasureNotificationServiceError.conflict(currentVersion: notification.version + 1) }
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: actor.organisationID, requestID: id.uuid, operation: .write,
                purpose: .notificationStep(action), fields: action == .comment ? ["comments"] : [], at: now)
            try await Self.record(notices, of: action, on: id, sql: sql, at: now)
        }
        return changed
    }
}
