import Foundation

/// Why a request's data were processed: the closed vocabulary of the access log's `purpose`
/// (IMI Regulation, Art. 17). Every value names a step, a page or API resource, or a rule of the
/// platform; the stored form (``rawValue``) is what the log has always held, so logs written
/// before these types existed read the same.
public enum AccessPurpose: Sendable, Hashable {
    /// A requester created a draft: `create-draft`.
    case createDraft
    /// A requester changed its draft: `edit-draft`.
    case editDraft
    /// A workflow step was taken: `step:<action>`, e.g. `step:send`, `step:forward`.
    case step(RequestAction)
    /// A question was answered: `answer:<question id>`.
    case answer(question: String)
    /// The requester accepted or refused the deadline the responder proposed: `deadline`.
    case decideDeadline
    /// The request was allocated to a handler: `allocate`.
    case allocate
    /// A document was attached: `attach`.
    case attach
    /// Data were read through a page or API resource: `api:<resource>` or `web:<resource>`, e.g.
    /// `api:get-request`, `web:view-request`, `web:get-report`.
    case read(AccessChannel, ReadResource)
    /// A search for a person or business matched the request: `subject-search`.
    case subjectSearch
    /// A consent was recorded: `consent:record:<consent purpose>`.
    case recordConsent(ConsentPurpose)
    /// A consent was withdrawn: `consent:withdraw:<consent purpose>`.
    case withdrawConsent(ConsentPurpose)
    /// Blocked data were opened by a data administrator: `blocked:<purpose>`.
    case openBlocked(BlockedDataPurpose)
    /// Use was restricted before a deletion, or at the end of the active period: `retention:block`,
    /// `consent:withdrawn-delete:block`, `rights:erasure:block`.
    case block(DeletionReason)
    /// The personal data were deleted: `retention:delete`, `consent:withdrawn-delete`, `rights:erasure`.
    case delete(DeletionReason)
    /// A rights request in an authority's register read the request: `rights:<kind>:<rights request id>`.
    case rightsRequest(RightsRequestKind, UUID)
    /// A rights request changed the request: `rights:<kind>:<rights request id>:<action>`.
    case rightsAction(RightsRequestKind, UUID, RightsAction)
    /// A correction notified by the counterpart was applied: `rights:correction-applied`.
    case correctionApplied
    /// A text was sent to a machine-translation provider at a reader's request:
    /// `machine-translation:<provider kind>`, e.g. `machine-translation:libretranslate`.
    case machineTranslation(TranslationProviderKind)
    /// An alert handler drafted an alert: `alert:create-draft`.
    case createAlertDraft
    /// A step of the alert workflow was taken: `alert:<action>`, e.g. `alert:send`, `alert:route`.
    case alertStep(AlertAction)
    /// A notification was drafted: `notification:create-draft`.
    case createNotificationDraft
    /// A step of a notification was taken: `notification:<action>`, e.g. `notification:comment`.
    case notificationStep(MeasureNotificationAction)
    /// A document was attached to a notification's draft: `notification:attach`.
    case attachToNotification
    /// A document was removed from a notification's draft: `notification:detach`.
    case detachFromNotification
    /// A repository's records were searched, read, added or changed: `repository:<action>`.
    case repository(RepositoryRecordAction)
}

extension AccessPurpose: RawRepresentable {
    /// The stored form.
    public var rawValue: String {
        switch self {
        case .createDraft: "create-draft"
        case .editDraft: "edit-draft"
        case .step(let action): "step:\(action.rawValue)"
        case .answer(let question): "answer:\(question)"
        case .decideDeadline: "deadline"
        case .allocate: "allocate"
        case .attach: "attach"
        case .read(let channel, let resource): "\(channel.rawValue):\(resource.rawValue)"
        case .subjectSearch: "subject-search"
        case .recordConsent(let purpose): "consent:record:\(purpose.rawValue)"
        case .withdrawConsent(let purpose): "consent:withdraw:\(purpose.rawValue)"
        case .openBlocked(let purpose): "blocked:\(purpose.rawValue)"
        case .block(.retention): "retention:block"
        case .block(let reason): "\(AccessPurpose.delete(reason).rawValue):block"
        case .delete(.retention): "retention:delete"
        case .delete(.consentWithdrawn): "consent:withdrawn-delete"
        case .delete(.erasure): "rights:erasure"
        case .delete(.draftDeleted): "draft:delete"
        case .rightsRequest(let kind, let id): "rights:\(kind.rawValue):\(id.uuidString.lowercased())"
        case .rightsAction(let kind, let id, let action): "rights:\(kind.rawValue):\(id.uuidString.lowercased()):\(action.rawValue)"
        case .correctionApplied: "rights:correction-applied"
        case .machineTranslation(let kind): "machine-translation:\(kind.rawValue)"
        case .createAlertDraft: "alert:create-draft"
        case .alertStep(let action): "alert:\(action.rawValue)"
        case .createNotificationDraft: "notification:create-draft"
        case .notificationStep(let action): "notification:\(action.rawValue)"
        case .attachToNotification: "notification:attach"
        case .detachFromNotification: "notification:detach"
        case .repository(let action): "repository:\(action.rawValue)"
        }
    }

    /// The purpose a stored value names, or nil when it is not one of the vocabulary.
    public init?(rawValue: String) {
        if let fixed = Self.fixed[rawValue] {
            self = fixed
            return
        }
        let parts = rawValue.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("step", 2):
            guard let action = RequestAction(rawValue: parts[1]) else { return nil }
            self = .step(action)
        case ("answer", 2) where !parts[1].isEmpty:
            self = .answer(question: parts[1])
        case ("api", 2), ("web", 2):
            guard let channel = AccessChannel(rawValue: parts[0]), let resource = ReadResource(rawValue: parts[1]) else { return nil }
            self = .read(channel, resource)
        case ("consent", 3):
            guard let purpose = ConsentPurpose(rawValue: parts[2]) else { return nil }
            switch parts[1] {
            case "record": self = .recordConsent(purpose)
            case "withdraw": self = .withdrawConsent(purpose)
            default: return nil
            }
        case ("alert", 2):
            guard let action = AlertAction(rawValue: parts[1]) else { return nil }
            self = .alertStep(action)
        case ("notification", 2):
            guard let action = MeasureNotificationAction(rawValue: parts[1]) else { return nil }
            self = .notificationStep(action)
        case ("repository", 2):
            guard let action = RepositoryRecordAction(rawValue: parts[1]) else { return nil }
            self = .repository(action)
        case ("machine-translation", 2):
            guard let kind = TranslationProviderKind(rawValue: parts[1]) else { return nil }
            self = .machineTranslation(kind)
        case ("blocked", 2):
            guard let purpose = BlockedDataPurpose(rawValue: parts[1]) else { return nil }
            self = .openBlocked(purpose)
        case ("rights", 3), ("rights", 4):
            guard let kind = RightsRequestKind(rawValue: parts[1]), let id = UUID(uuidString: parts[2]),
                id.uuidString.lowercased() == parts[2]
            else { return nil }
            if parts.count == 3 {
                self = .rightsRequest(kind, id)
            } else {
                guard let action = RightsAction(rawValue: parts[3]) else { return nil }
                self = .rightsAction(kind, id, action)
            }
        default:
            return nil
        }
    }

    /// The values without parameters, by their stored form.
    private static let fixed: [String: AccessPurpose] = Dictionary(
        uniqueKeysWithValues: ([
            .createDraft, .editDraft, .decideDeadline, .allocate, .attach, .subjectSearch, .correctionApplied, .createAlertDraft,
            .createNotificationDraft, .attachToNotification, .detachFromNotification,
        ]
            + DeletionReason.allCases.flatMap { [AccessPurpose.block($0), .delete($0)] }).map { ($0.rawValue, $0) })
}
