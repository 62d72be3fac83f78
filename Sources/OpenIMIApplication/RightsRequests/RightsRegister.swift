import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// What an authority records when a person exercises a right.
public struct NewRightsRequest: Sendable {
    /// The right.
    public var kind: RightsRequestKind
    /// The person as they named themselves.
    public var subject: DataSubject
    /// How they were identified.
    public var identification: String
    /// Their language.
    public var language: Language
    /// When it was received (YYYY-MM-DD).
    public var receivedOn: String

    /// Creates the description of a rights request.
    public init(kind: RightsRequestKind, subject: DataSubject, identification: String, language: Language, receivedOn: String) {
        self.kind = kind
        self.subject = subject
        self.identification = identification
        self.language = language
        self.receivedOn = receivedOn
    }
}

/// Each authority's register of data subjects' rights requests, kept by its local data
/// administrator, and what is done from an entry: finding, exporting, correcting, erasing,
/// restricting the person's data, recording a contest of blocked data. Every touch of a request's
/// personal data is logged with the entry as its purpose.
public struct RightsRegister: Sendable {
    /// The requests.
    public let requests: RequestService
    /// The alerts, which the register finds, exports and erases as it does requests.
    public let alerts: AlertService
    /// Deletes and blocks personal data, with receipts.
    public let retention: RetentionRun

    /// Creates the register.
    public init(requests: RequestService, alerts: AlertService, retention: RetentionRun) {
        self.requests = requests
        self.alerts = alerts
        self.retention = retention
    }

    var database: any Database { requests.database }

    /// The register key, which seals the entries.
    func registerKey() async throws -> DataKey {
        try await PlatformKeyRepository.key(named: PlatformKeyRepository.registerKeyName, in: database, ring: requests.keys)
    }

    /// The register over `sql` (a transaction, for writes), or over the readers when nil.
    func repository(_ sql: (any SQLDatabase)? = nil) async throws -> RightsRequestRepository {
        RightsRequestRepository(sql: sql ?? database.sql, key: try await registerKey())
    }

    func authority(of principal: Principal) throws -> UUID {
        try requests.identity.authorize(principal, .keepRightsRegister, on: .organisation(principal.organisation))
        guard let id = principal.organisation.id.uuid else { throw IdentityError.forbidden(.notApplicable) }
        return id
    }

    /// Enters a rights request in the principal's authority's register.
    public func receive(_ new: NewRightsRequest, by principal: Principal, now: Date) async throws -> RightsRequest {
        _ = try authority(of: principal)
        let entry = try RightsRequest.receiving(
            new.kind, subject: new.subject, identification: new.identification, language: new.language, receivedOn: new.receivedOn,
            authority: principal.organisation, by: principal.user.id.uuid, id: UUID(), now: now)
        let key = try await registerKey()
        try await database.transaction { sql in try await RightsRequestRepository(sql: sql, key: key).insert(entry, now: now) }
        return entry
    }

    /// The principal's authority's register, newest first.
    public func entries(by principal: Principal) async throws -> [RightsRequest] {
        try await repository().entries(of: try authority(of: principal))
    }

    /// One entry of the principal's authority's register.
    public func entry(_ id: UUID, by principal: Principal) async throws -> RightsRequest {
        guard let entry = try await repository().find(id, of: try authority(of: principal)) else { throw RightsRequestError.notFound }
        return entry
    }

    /// Records the answer to an entry.
    public func handle(
        _ id: UUID, status: RightsRequestStatus, outcome: String, expectedVersion: Int, by principal: Principal, now: Date
    ) async throws -> RightsRequest {
        let entry = try await entry(id, by: principal)
        guard entry.version == expectedVersion else { throw InformationRequestError.conflict(currentVersion: entry.version) }
        let handled = try entry.handling(status, outcome: outcome, at: now)
        let key = try await registerKey()
        let stored = try await database.transaction { sql in
            try await RightsRequestRepository(sql: sql, key: key).update(handled, expectedVersion: expectedVersion)
        }
        guard stored else {
            throw InformationRequestError.conflict(currentVersion: expectedVersion + 1)
        }
        return handled
    }

    /// The unanswered entries past their due day in the authorities of the principal's state, for its national coordinator.
    public func overdue(by principal: Principal, now: Date) async throws -> [OverdueRightsRequest] {
        guard let state = principal.organisation.memberState else { throw IdentityError.forbidden(.missingRole) }
        try requests.identity.authorize(principal, .viewOverdueRightsRequests, on: .memberState(state))
        return try await repository().overdue(in: state, today: RightsRequest.day(of: now))
    }
}
