import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// One of the person's requests as exported to them.
public struct ExportedRequest: Sendable {
    /// What it is.
    public let match: SubjectMatch
    /// The request with its personal data; nil when they were deleted.
    public let request: InformationRequest?
    /// Its attachments.
    public let attachments: [RequestAttachment]
}

extension RightsRegister {
    /// The requests of the principal's authority that concern the person of entry `id`, active,
    /// blocked or deleted; logged as a search for the entry.
    public func findData(_ id: UUID, by principal: Principal, now: Date) async throws -> (RightsRequest, [SubjectMatch]) {
        let entry = try await entry(id, by: principal)
        let matches = try await requests.findSubject(
            anyOf: SubjectKey.keys(of: entry.subject), by: principal, purpose: purpose(entry), now: now)
        return (entry, matches)
    }

    /// Everything the principal's authority holds about the person of entry `id`: each request's
    /// personal data (blocked ones opened for the entry, each opening recorded), for an export.
    public func export(_ id: UUID, by principal: Principal, now: Date) async throws -> (RightsRequest, [ExportedRequest]) {
        let (entry, matches) = try await findData(id, by: principal, now: now)
        var exported: [ExportedRequest] = []
        for match in matches {
            switch match.retentionPhase {
            case .active:
                let request = try await readForEntry(RequestID(match.id), entry: entry, by: principal, now: now)
                let attachments = try await AttachmentRepository(sql: database.sql, keys: requests.keys).list(of: match.id)
                if !attachments.isEmpty {
                    try await requests.logListRead(
                        of: RequestID(match.id), fields: ["attachments.names"], by: principal, purpose: purpose(entry), now: now)
                }
                exported.append(ExportedRequest(match: match, request: request, attachments: attachments))
            case .blocked:
                let opening = try BlockedDataOpening(
                    purpose: .dataSubjectRights,
                    justification: "Export for the data subject's \(entry.kind.rawValue) request received on \(entry.receivedOn)",
                    rightsRequestReference: entry.id.uuidString.lowercased())
                let opened = try await requests.openBlocked(RequestID(match.id), opening, by: principal, now: now)
                exported.append(ExportedRequest(match: match, request: opened.request, attachments: opened.attachments))
            case .deleted:
                exported.append(ExportedRequest(match: match, request: nil, attachments: []))
            }
        }
        return (entry, exported)
    }

    /// Corrects `field` of request `requestID` to `value` for rectification entry `id`: the request
    /// changes, the correction is kept with a keyed digest of the old value, the person's index entries
    /// follow, and every other authority of the request finds it in its inbox.
    public func correct(
        _ id: UUID, request requestID: RequestID, field: CorrectableField, to value: String, by principal: Principal, now: Date
    ) async throws -> DataCorrection {
        try requests.evidence.requireSigning()
        let entry = try await entry(id, by: principal)
        guard entry.kind == .rectification else { throw RightsRequestError.invalid("kind") }
        let request = try await concerned(requestID, entry: entry, by: principal, phase: .active)
        guard let old = field.value(in: request.subject) else { throw RightsRequestError.notCorrectable(field.rawValue) }
        let changed = try request.correcting(field, to: value)
        let actor = StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID())
        let correction = DataCorrection(
            id: UUID(), rightsRequestID: entry.id, requestID: requestID.uuid, field: field,
            oldValueDigest: try await DataKeyRepository(sql: database.sql, ring: requests.keys).key(for: requestID.description)
                .digest(old, context: "data_correction/\(requestID.description)/\(field.rawValue)"),
            correctedBy: actor, correctedAt: now, appliedBy: [:])
        try await requests.commit(
            changed, over: request, by: principal, purpose: .rightsAction(entry.kind, entry.id, .correct),
            fields: ["subject.\(field.rawValue)"], notify: .counterparts("data-corrected"), now: now
        ) { sql in try await DataCorrectionRepository(sql: sql).insert(correction) }
        return correction
    }

    /// Erases the personal data of request `requestID` processed unlawfully, for erasure entry `id`:
    /// its data key is destroyed and a signed receipt kept, as at the end of retention.
    public func erase(_ id: UUID, request requestID: RequestID, by principal: Principal, now: Date) async throws {
        try requests.evidence.requireSigning()
        let entry = try await entry(id, by: principal)
        guard entry.kind == .erasure else { throw RightsRequestError.invalid("kind") }
        _ = try await concerned(requestID, entry: entry, by: principal, phase: nil)
        guard try await retention.delete(requestID.description, at: now, reason: .erasure) else {
            throw InformationRequestError.personalDataDeleted
        }
    }

    /// Blocks the personal data of request `requestID` at once, for restriction entry `id`.
    public func restrict(_ id: UUID, request requestID: RequestID, by principal: Principal, now: Date) async throws {
        try requests.evidence.requireSigning()
        let entry = try await entry(id, by: principal)
        guard entry.kind == .restriction else { throw RightsRequestError.invalid("kind") }
        _ = try await concerned(requestID, entry: entry, by: principal, phase: .active)
        guard try await retention.block(requestID.description, at: now, purpose: .rightsAction(entry.kind, entry.id, .restrict))
        else {
            throw InformationRequestError.personalDataBlocked
        }
    }

    /// Records that the person contests `field` of blocked request `requestID`, with the corrected
    /// information (sealed with the request's key, deleted with its data).
    public func contest(
        _ id: UUID, request requestID: RequestID, field: CorrectableField, correctedValue: String, by principal: Principal, now: Date
    ) async throws {
        try requests.evidence.requireSigning()
        let entry = try await entry(id, by: principal)
        let request = try await concerned(requestID, entry: entry, by: principal, phase: .blocked)
        _ = try field.correcting(request.subject, to: correctedValue)
        let keys = requests.keys
        try await database.transaction { sql in
            try await BlockedDataRepository(sql: sql, ring: keys).recordContest(
                of: field, correctedValue: correctedValue, request: requestID.uuid, rightsRequest: entry.id, by: principal.user.id.uuid,
                at: now)
            try await AccessLog(sql: sql).record(
                userID: principal.user.id.uuid, organisationID: try principal.actingOrganisationID(), requestID: requestID.uuid,
                operation: .write,
                purpose: .rightsAction(entry.kind, entry.id, .contest), fields: ["contest.\(field.rawValue)"], at: now)
        }
    }

    func purpose(_ entry: RightsRequest) -> AccessPurpose { .rightsRequest(entry.kind, entry.id) }

    /// Request `requestID` with its personal data, when the principal's authority took part in it,
    /// it concerns the entry's person, and its data are in `phase` (any but deleted when nil).
    private func concerned(
        _ requestID: RequestID, entry: RightsRequest, by principal: Principal, phase: RetentionPhase?
    ) async throws -> InformationRequest {
        let repository = RequestRepository(sql: database.sql, keys: requests.keys)
        guard let access = try await repository.access(of: requestID.uuid),
            SubjectSearchScope.isKnown(to: principal, involvement: access.involvement, state: access.state)
        else { throw InformationRequestError.notFound }
        let index = try await SubjectIndexRepository.index(in: database, ring: requests.keys)
        let tokens = SubjectKey.keys(of: entry.subject).map(index.token)
        guard try await SubjectIndexRepository(sql: database.sql, ring: requests.keys).isIndexed(requestID.uuid, underAnyOf: tokens) else {
            throw InformationRequestError.notFound
        }
        if access.retentionPhase == .deleted { throw InformationRequestError.personalDataDeleted }
        if let phase, access.retentionPhase != phase {
            throw phase == .active ? InformationRequestError.personalDataBlocked : InformationRequestError.personalDataNotBlocked
        }
        guard let request = try await repository.find(requestID.uuid) else { throw InformationRequestError.notFound }
        return request
    }

    private func readForEntry(
        _ requestID: RequestID, entry: RightsRequest, by principal: Principal, now: Date
    ) async throws -> InformationRequest {
        let request = try await concerned(requestID, entry: entry, by: principal, phase: .active)
        try await requests.logRead(request, by: principal, purpose: purpose(entry), now: now)
        return request
    }
}
