import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity

/// Repositories: registers of a legal area whose records designated authorities maintain and a
/// defined group reads. Every search, read and change of a register holding personal data is
/// logged; values are sealed under each record's own key; the blind index finds a record by the
/// exact value of a searchable field.
public struct RepositoryService: Sendable {
    /// The database.
    public let database: any Database
    /// For authorising.
    public let identity: IdentityService
    /// The definitions by code.
    public let definitions: [String: RepositoryDefinition]
    /// Whether history can be proved; while it cannot, every change is refused.
    public let evidence: EvidenceStatus
    /// The master keys.
    public let keys: DataKeyRing

    /// Creates the service.
    public init(
        database: any Database, identity: IdentityService, definitions: [String: RepositoryDefinition], evidence: EvidenceStatus,
        keys: DataKeyRing
    ) {
        self.database = database
        self.identity = identity
        self.definitions = definitions
        self.evidence = evidence
        self.keys = keys
    }

    var repository: RepositoryRecordRepository { RepositoryRecordRepository(sql: database.sql, keys: keys) }

    /// The facts of repository `code`, with its maintainers.
    func facts(of definition: RepositoryDefinition) async throws -> RepositoryFacts {
        RepositoryFacts(
            legalArea: definition.legalArea, readers: definition.readers, maintainers: try await repository.maintainers(of: definition.code)
        )
    }

    /// The repositories the principal may read, with whether it maintains each.
    public func visible(to principal: Principal) async throws -> [(definition: RepositoryDefinition, maintains: Bool)] {
        var visible: [(definition: RepositoryDefinition, maintains: Bool)] = []
        for definition in definitions.values.sorted(by: { $0.code < $1.code }) {
            let facts = try await facts(of: definition)
            guard AccessPolicy.decide(principal, .readRepository, on: .repository(facts)).isAllowed else { continue }
            visible.append((definition, AccessPolicy.decide(principal, .maintainRepository, on: .repository(facts)).isAllowed))
        }
        return visible
    }

    /// Repository `code` if the principal may read it, with its maintainers and whether the
    /// principal maintains it; `notFound` otherwise.
    public func open(_ code: String, by principal: Principal) async throws -> OpenedRepository {
        guard let definition = definitions[code] else { throw RepositoryError.notFound }
        let facts = try await facts(of: definition)
        guard AccessPolicy.decide(principal, .readRepository, on: .repository(facts)).isAllowed else { throw RepositoryError.notFound }
        return OpenedRepository(
            definition: definition, maintainers: facts.maintainers,
            maintains: AccessPolicy.decide(principal, .maintainRepository, on: .repository(facts)).isAllowed, principal: principal)
    }

    /// The records of the repository whose `field` is exactly `value` (case, accents and
    /// punctuation aside), newest first; the search and each record shown are logged.
    public func search(in opened: OpenedRepository, field: String, value: String, now: Date) async throws -> [RepositoryRecord] {
        let (definition, code, principal) = (opened.definition, opened.code, opened.principal)
        guard definition.searchable.contains(field) else { throw RepositoryError.notSearchable(field) }
        guard let key = SubjectKey.repositoryValue(code, field: field, value: value) else { return [] }
        let index = try await SubjectIndexRepository.index(in: database, ring: keys)
        var found: [RepositoryRecord] = []
        for id in try await repository.matching(code, token: index.token(key)) {
            if let record = try await repository.find(id, in: code) { found.append(record) }
        }
        // Whole records come back, so the search is logged as showing every personal field.
        if definition.holdsPersonalData, !found.isEmpty {
            try await log(found.map(\.id), .search, fields: definition.fields.filter(\.personalData).map(\.id), by: principal, now: now)
        }
        return found
    }

    /// Record `id` of the repository, for its readers; logged when the repository holds personal data.
    public func read(_ id: RepositoryRecordID, in opened: OpenedRepository, now: Date) async throws -> RepositoryRecord {
        let (definition, code, principal) = (opened.definition, opened.code, opened.principal)
        guard let record = try await repository.find(id, in: code) else { throw RepositoryError.notFound }
        if definition.holdsPersonalData {
            try await log([id], .read, fields: definition.fields.filter(\.personalData).map(\.id), by: principal, now: now)
        }
        return record
    }

    /// The newest records the principal's authority keeps in the repository, for a list that
    /// shows `shown` of their fields; logged in one transaction as reads of those fields that are personal.
    public func kept(in opened: OpenedRepository, showing shown: [String], now: Date) async throws -> [RepositoryRecord] {
        let (definition, code, principal, maintains) = (opened.definition, opened.code, opened.principal, opened.maintains)
        guard maintains, let authority = principal.organisation.id.uuid else { return [] }
        var records: [RepositoryRecord] = []
        for id in try await repository.kept(by: authority, in: code, limit: 20) {
            if let record = try await repository.find(id, in: code) { records.append(record) }
        }
        let personal = definition.fields.filter { $0.personalData && shown.contains($0.id) }.map(\.id)
        if !personal.isEmpty, !records.isEmpty { try await log(records.map(\.id), .read, fields: personal, by: principal, now: now) }
        return records
    }

    /// A new record of the repository, kept by the principal's authority.
    public func record(_ values: [String: String], in opened: OpenedRepository, now: Date) async throws -> RepositoryRecord {
        try evidence.requireSigning()
        let (definition, principal, maintains) = (opened.definition, opened.principal, opened.maintains)
        guard maintains, let authority = principal.organisation.id.uuid else { throw IdentityError.forbidden(.missingRole) }
        let actor = StepActor(userID: principal.user.id, organisationID: authority)
        let record: RepositoryRecord
        do {
            record = try RepositoryRecord.recording(values, in: definition, id: .random(), keeper: authority, by: actor, at: now)
        } catch {
            throw RepositoryError.content(error)
        }
        let tokens = try await tokens(of: record, in: definition)
        try await refuseDuplicates(of: record, in: definition)
        try await database.transaction { [keys] sql in
            try await RepositoryRecordRepository(sql: sql, keys: keys).insert(record, tokens: tokens, now: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: authority, requestID: record.id.uuid, operation: .write,
                purpose: .repository(.record), fields: Array(record.values.keys).sorted(), at: now)
        }
        return record
    }

    /// Record `id` with `values` as its new version, by a maintainer of the authority that keeps it.
    public func change(
        _ id: RepositoryRecordID, in opened: OpenedRepository, to values: [String: String], expectedVersion: Int, now: Date
    ) async throws -> RepositoryRecord {
        try evidence.requireSigning()
        let (definition, code, principal, maintains) = (opened.definition, opened.code, opened.principal, opened.maintains)
        guard let record = try await repository.find(id, in: code) else { throw RepositoryError.notFound }
        guard maintains, principal.organisation.id.uuid == record.keeper else { throw IdentityError.forbidden(.otherOrganisation) }
        guard record.version == expectedVersion else { throw RepositoryError.conflict(currentVersion: record.version) }
        let actor = StepActor(userID: principal.user.id, organisationID: record.keeper)
        let changed: RepositoryRecord
        do {
            changed = try record.changing(to: values, in: definition, by: actor, at: now)
        } catch {
            throw RepositoryError.content(error)
        }
        let tokens = try await tokens(of: changed, in: definition)
        try await refuseDuplicates(of: changed, in: definition)
        try await database.transaction { [keys] sql in
            guard
                try await RepositoryRecordRepository(sql: sql, keys: keys).update(
                    changed, expectedVersion: record.version, tokens: tokens, now: now)
            else { throw RepositoryError.conflict(currentVersion: record.version + 1) }
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: record.keeper, requestID: id.uuid, operation: .write,
                purpose: .repository(.change), fields: Array(changed.values.keys).sorted(), at: now)
        }
        return changed
    }

    /// Designates `authority` to maintain repository `code`: by the national coordinator of the
    /// authority's state, for an authority registered in the repository's area.
    public func designate(_ authority: UUID, for code: String, by principal: Principal, now: Date) async throws {
        try evidence.requireSigning()
        // Who asks is checked first, so that nobody else learns which authorities exist.
        guard principal.holds(.nationalCoordinator), principal.organisation.kind == .nationalCoordinator,
            let state = principal.organisation.memberState
        else { throw IdentityError.forbidden(.missingRole) }
        guard let definition = definitions[code], let found = try await AuthorityRepository(sql: database.sql).find(authority),
            found.legalAreas.contains(definition.legalArea)
        else { throw RepositoryError.notFound }
        guard found.memberState == state else { throw IdentityError.forbidden(.otherMemberState) }
        try await database.transaction { [keys] sql in
            try await RepositoryRecordRepository(sql: sql, keys: keys).designate(authority, for: code, by: principal.user.id.uuid, at: now)
        }
    }

    /// Refuses `record` when another record of the register has its value of a unique field.
    private func refuseDuplicates(of record: RepositoryRecord, in definition: RepositoryDefinition) async throws {
        let index = try await SubjectIndexRepository.index(in: database, ring: keys)
        for field in definition.unique {
            guard let key = record.values[field].flatMap({ SubjectKey.repositoryValue(definition.code, field: field, value: $0) }) else {
                continue
            }
            if try await repository.matching(definition.code, token: index.token(key)).contains(where: { $0 != record.id }) {
                throw RepositoryError.duplicate(field)
            }
        }
    }

    private func tokens(of record: RepositoryRecord, in definition: RepositoryDefinition) async throws -> [String] {
        let index = try await SubjectIndexRepository.index(in: database, ring: keys)
        return definition.searchable.compactMap { field in
            record.values[field].flatMap { SubjectKey.repositoryValue(definition.code, field: field, value: $0) }.map(index.token)
        }
    }

    private func log(
        _ ids: [RepositoryRecordID], _ action: RepositoryRecordAction, fields: [String], by principal: Principal, now: Date
    ) async throws {
        try await database.transaction { sql in
            let log = AccessLog(sql: sql)
            for id in ids {
                try await log.record(
                    userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: id.uuid,
                    operation: action == .search ? .search : .read, purpose: .repository(action), fields: fields, at: now)
            }
        }
    }
}
