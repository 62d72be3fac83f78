/// Everything a signed-in user can ask to do; the access policy decides each one.
public enum AccessAction: Sendable, Hashable, CustomStringConvertible {
    /// See and change one's own profile, password and language.
    case manageOwnAccount
    /// List the users of an organisation.
    case viewUsers
    /// Create a user in an organisation.
    case createUser
    /// Suspend or reinstate a user, or reset their second factor.
    case changeUser
    /// Grant a role to a user.
    case grantRole(Role)
    /// Withdraw a role from a user.
    case withdrawRole(Role)
    /// Confirm that an organisation's user list is up to date.
    case confirmUserList
    /// See which authorities of a state are late confirming their user lists.
    case viewOverdueUserLists
    /// Register a new authority.
    case registerAuthority
    /// Validate, suspend, reinstate or edit an authority.
    case changeAuthority
    /// Draft an information request in a legal area on behalf of the own authority.
    case createRequest(legalArea: String)
    /// Read a request with its personal data.
    case readRequest
    /// Take a workflow step on a request.
    case actOnRequest(RequestAction)
    /// Record an answer to a question of a request.
    case answerQuestion
    /// Accept or refuse the deadline the responder proposed.
    case decideProposedDeadline
    /// Route an incoming request to a request handler of the own authority.
    case allocateRequest
    /// Add a document to a request.
    case attachToRequest
    /// Open a request's blocked personal data (local data administrator of an involved authority).
    case openBlockedData
    /// Record or withdraw a person's consent for a request (request handler of an involved authority).
    case recordConsent
    /// Record that a correction another authority made was applied to the own records.
    case applyCorrection
    /// Ask the national coordinator of the own member state a data-protection question.
    case askCoordinator
    /// Read and answer the questions sent to the own national coordinator.
    case answerCoordinatorQuestions
    /// Keep the authority's register of data subjects' rights requests (its local data administrator).
    case keepRightsRegister
    /// See which rights requests of a state's authorities are overdue (its national coordinator).
    case viewOverdueRightsRequests
    /// Export the record of processing of an authority for a data protection authority.
    case exportSupervisoryRecord
    /// See how the access log is anchored and witnessed, and its alarms (no personal data).
    case superviseAccessLog
    /// Draft an alert in a legal area.
    case createAlert(legalArea: String)
    /// Read an alert with its personal data.
    case readAlert
    /// See that an alert exists (procedure, sender, dates, deliveries), without its personal data.
    case readAlertExistence
    /// Take a step of the alert workflow.
    case actOnAlert(AlertAction)
    /// Start a notification in a legal area.
    case createNotification(legalArea: String)
    /// Read a notification and its comments.
    case readNotification
    /// Take a step of a notification.
    case actOnNotification(MeasureNotificationAction)
    /// Search and read a repository's records.
    case readRepository
    /// Record and change a repository's records.
    case maintainRepository

    public var description: String {
        switch self {
        case .manageOwnAccount: "manage-own-account"
        case .viewUsers: "view-users"
        case .createUser: "create-user"
        case .changeUser: "change-user"
        case .grantRole(let role): "grant-role(\(role.code))"
        case .withdrawRole(let role): "withdraw-role(\(role.code))"
        case .confirmUserList: "confirm-user-list"
        case .viewOverdueUserLists: "view-overdue-user-lists"
        case .registerAuthority: "register-authority"
        case .changeAuthority: "change-authority"
        case .createRequest(let area): "create-request(\(area))"
        case .readRequest: "read-request"
        case .openBlockedData: "open-blocked-data"
        case .recordConsent: "record-consent"
        case .applyCorrection: "apply-correction"
        case .askCoordinator: "ask-coordinator"
        case .answerCoordinatorQuestions: "answer-coordinator-questions"
        case .keepRightsRegister: "keep-rights-register"
        case .viewOverdueRightsRequests: "view-overdue-rights-requests"
        case .exportSupervisoryRecord: "export-supervisory-record"
        case .superviseAccessLog: "supervise-access-log"
        case .actOnRequest(let action): "act-on-request(\(action.rawValue))"
        case .answerQuestion: "answer-question"
        case .decideProposedDeadline: "decide-proposed-deadline"
        case .allocateRequest: "allocate-request"
        case .attachToRequest: "attach-to-request"
        case .createAlert(let area): "create-alert(\(area))"
        case .readAlert: "read-alert"
        case .readAlertExistence: "read-alert-existence"
        case .actOnAlert(let action): "act-on-alert(\(action.rawValue))"
        case .createNotification(let area): "create-notification(\(area))"
        case .readNotification: "read-notification"
        case .actOnNotification(let action): "act-on-notification(\(action.rawValue))"
        case .readRepository: "read-repository"
        case .maintainRepository: "maintain-repository"
        }
    }
}

/// What an action is done to.
public enum AccessTarget: Sendable, Hashable {
    /// The principal's own account.
    case ownAccount
    /// An organisation (its user list).
    case organisation(Organisation)
    /// A user of an organisation.
    case user(UserAccount, of: Organisation)
    /// An authority of the directory.
    case authority(Authority)
    /// A member state as a whole.
    case memberState(MemberStateCode)
    /// The platform as a whole (its access log).
    case platform
    /// An information request, by who takes part and its legal area.
    case request(Involvement, legalArea: String, state: RequestState)
    /// An alert, by who sent it, where it went and its legal area.
    case alert(AlertFacts)
    /// A notification, by who sent it, where it went and its legal area.
    case notification(MeasureNotificationFacts)
    /// A repository, by its area, readers and maintainers.
    case repository(RepositoryFacts)
}

/// The answer of the access policy.
public enum AccessDecision: Sendable, Hashable {
    /// The action may go ahead.
    case allow
    /// The action is refused, with the reason (for the log, never shown in detail to the user).
    case deny(AccessDenial)

    /// Whether the action may go ahead.
    public var isAllowed: Bool { self == .allow }
}

/// Why an action was refused.
public enum AccessDenial: Sendable, Hashable {
    /// The account is invited or suspended, or its authority is not validated.
    case inactive
    /// No role of the principal allows this action.
    case missingRole
    /// The target belongs to another organisation the principal does not supervise.
    case otherOrganisation
    /// The target belongs to another member state.
    case otherMemberState
    /// The role cannot be held at the target organisation, or not granted by this principal.
    case roleNotGrantable
    /// The action does not apply to this kind of target.
    case notApplicable
}
