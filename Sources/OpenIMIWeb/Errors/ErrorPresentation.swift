import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// How an error is shown: its status, a stable problem code, and its text in the catalog's language.
struct ErrorPresentation: Sendable {
    let status: HTTPResponse.Status
    let code: String
    let title: String
    let detail: String
    let fieldErrors: [FieldProblem]
    /// Whether this is a failure of ours rather than of the request.
    var isServerFault: Bool { status.code >= 500 }

    /// Presents `error` in `catalog`'s language.
    init(_ error: any Error, catalog: Catalog, availableLanguages: [Language]) {
        func reason(_ reason: InvalidFieldReason) -> (String, String) {
            switch reason {
            case .required: ("required", catalog.text("error.reason.required"))
            case .tooLong(let maximum): ("too-long", catalog.text("error.reason.tooLong", ["maximum": "\(maximum)"]))
            case .outOfRange(let minimum, let maximum):
                ("out-of-range", catalog.text("error.reason.outOfRange", ["minimum": "\(minimum)", "maximum": "\(maximum)"]))
            case .notAllowed: ("not-allowed", catalog.text("error.reason.notAllowed"))
            case .malformed: ("malformed", catalog.text("error.reason.malformed"))
            }
        }
        func invalid(_ status: HTTPResponse.Status, _ field: String, _ why: InvalidFieldReason) -> ErrorPresentation {
            let (code, text) = reason(why)
            return ErrorPresentation(
                status: status, code: "invalid-field", title: catalog.text("error.invalidField.title"),
                detail: catalog.text("error.invalidField.detail", ["field": field, "reason": text]),
                fieldErrors: [FieldProblem(field: field, reason: code)])
        }
        func simple(_ status: HTTPResponse.Status, _ code: String, _ title: String, _ detail: String) -> ErrorPresentation {
            ErrorPresentation(status: status, code: code, title: catalog.text(title), detail: detail, fieldErrors: [])
        }
        switch error {
        case let error as RequestError:
            switch error {
            case .notFound:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            case .invalidParameter(let name, let why):
                self = invalid(.badRequest, name, why)
            case .unsupportedLanguage(let code):
                self = simple(
                    .badRequest, "unsupported-language", "error.unsupportedLanguage.title",
                    catalog.text(
                        "error.unsupportedLanguage.detail",
                        ["code": code, "available": availableLanguages.map(\.rawValue).joined(separator: ", ")]))
            case .malformedBody:
                self = simple(.badRequest, "malformed-body", "error.malformedBody.title", catalog.text("error.malformedBody.detail"))
            case .wrongType(let field):
                self = ErrorPresentation(
                    status: .badRequest, code: "malformed-body", title: catalog.text("error.malformedBody.title"),
                    detail: catalog.text("error.wrongType.detail", ["field": field]),
                    fieldErrors: [FieldProblem(field: field, reason: "wrong-type")])
            case .unknownFields(let fields):
                self = ErrorPresentation(
                    status: .badRequest, code: "unknown-fields", title: catalog.text("error.unknownFields.title"),
                    detail: catalog.text("error.unknownFields.detail", ["fields": fields.joined(separator: ", ")]),
                    fieldErrors: fields.map { FieldProblem(field: $0, reason: "unknown") })
            case .payloadTooLarge(let maximum):
                self = simple(
                    .contentTooLarge, "payload-too-large", "error.payloadTooLarge.title",
                    catalog.text("error.payloadTooLarge.detail", ["maximum": "\(maximum)"]))
            case .unsupportedMediaType:
                self = simple(
                    .unsupportedMediaType, "unsupported-media-type", "error.unsupportedMediaType.title",
                    catalog.text("error.unsupportedMediaType.detail"))
            }
        case let error as DirectoryError:
            switch error {
            case .invalidField(let field, let why):
                self = invalid(.unprocessableContent, field, why)
            case .otherMemberState(let actor, let target):
                self = simple(
                    .forbidden, "forbidden", "error.forbidden.title",
                    catalog.text("error.otherMemberState.detail", ["actor": actor.rawValue, "target": target.rawValue]))
            case .outsideCoordinatorScope:
                self = simple(.forbidden, "forbidden", "error.forbidden.title", catalog.text("error.outsideScope.detail"))
            case .notNationalCoordinator:
                self = simple(.forbidden, "forbidden", "error.forbidden.title", catalog.text("error.notNationalCoordinator.detail"))
            case .nationalCoordinatorExists(let state):
                self = simple(
                    .conflict, "conflict", "error.conflict.title",
                    catalog.text("error.nationalCoordinatorExists.detail", ["state": state.rawValue]))
            case .invalidStatusTransition(let from, _):
                self = simple(
                    .conflict, "conflict", "error.conflict.title",
                    catalog.text("error.invalidTransition.detail", ["status": catalog.text("authorityStatus.\(from.rawValue)")]))
            case .unknownAuthority, .unknownCoordinator:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            }
        case let error as IdentityError:
            switch error {
            case .signInFailed:
                self = simple(.unauthorized, "sign-in-failed", "error.signInFailed.title", catalog.text("error.signInFailed.detail"))
            case .tooManyAttempts:
                self = simple(
                    .tooManyRequests, "too-many-attempts", "error.tooManyAttempts.title", catalog.text("error.tooManyAttempts.detail"))
            case .notSignedIn:
                self = simple(.unauthorized, "not-signed-in", "error.notSignedIn.title", catalog.text("error.notSignedIn.detail"))
            case .forbidden:
                self = simple(.forbidden, "forbidden", "error.forbidden.title", catalog.text("error.forbidden.detail"))
            case .csrfMismatch:
                self = simple(.forbidden, "csrf", "error.forbidden.title", catalog.text("error.csrf.detail"))
            case .lastAdministrator:
                self = simple(.conflict, "last-administrator", "error.conflict.title", catalog.text("error.lastAdministrator.detail"))
            case .usernameTaken:
                self = simple(.conflict, "username-taken", "error.conflict.title", catalog.text("error.usernameTaken.detail"))
            case .invalidField(let field, let why):
                self = invalid(.unprocessableContent, field, why)
            case .passwordRefused(let refusal):
                let detail: String =
                    switch refusal {
                    case .tooShort(let minimum): catalog.text("error.password.tooShort", ["minimum": "\(minimum)"])
                    case .tooLong(let maximum): catalog.text("error.password.tooLong", ["maximum": "\(maximum)"])
                    case .common: catalog.text("error.password.common")
                    }
                self = ErrorPresentation(
                    status: .unprocessableContent, code: "password-refused", title: catalog.text("error.password.title"), detail: detail,
                    fieldErrors: [FieldProblem(field: "password", reason: "refused")])
            case .activationInvalid:
                self = simple(.gone, "activation-invalid", "error.activationInvalid.title", catalog.text("error.activationInvalid.detail"))
            case .enrolmentRequired:
                self = simple(.conflict, "enrolment-required", "error.conflict.title", catalog.text("error.enrolmentRequired.detail"))
            case .unknownUser:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            }
        case let error as InformationRequestError:
            switch error {
            case .notFound:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            case .conflict:
                self = simple(.conflict, "version-conflict", "error.conflict.title", catalog.text("error.versionConflict.detail"))
            case .unknownProcedure, .responderNotEligible, .unknownQuestion:
                self = simple(
                    .unprocessableContent, "request-refused", "error.requestRefused.title", catalog.text("error.requestRefused.detail"))
            case .personalDataBlocked:
                self = simple(
                    .gone, "personal-data-blocked", "error.personalDataBlocked.title", catalog.text("error.personalDataBlocked.detail"))
            case .personalDataNotBlocked:
                self = simple(
                    .conflict, "personal-data-not-blocked", "error.conflict.title", catalog.text("error.personalDataNotBlocked.detail"))
            case .personalDataDeleted:
                self = simple(
                    .gone, "personal-data-deleted", "error.personalDataDeleted.title", catalog.text("error.personalDataDeleted.detail"))
            }
        case let error as RequestStepError:
            switch error {
            case .workflow:
                self = simple(.conflict, "step-not-allowed", "error.conflict.title", catalog.text("error.stepNotAllowed.detail"))
            case .sensitiveData(let refusal):
                self = ErrorPresentation(refusal, catalog: catalog, availableLanguages: availableLanguages)
            case .invalidAnswer(let question):
                self = invalid(.unprocessableContent, "answers.\(question)", .malformed)
            case .invalidOpening(let field, let reason):
                self = invalid(.unprocessableContent, field, reason)
            case .allocationNotAllowed:
                self = simple(
                    .unprocessableContent, "allocation-refused", "error.requestRefused.title", catalog.text("error.allocation.detail"))
            default:
                self = simple(
                    .unprocessableContent, "request-refused", "error.requestRefused.title", catalog.text("error.requestRefused.detail"))
            }
        case let error as AttachmentError:
            switch error {
            case .invalidName: self = invalid(.unprocessableContent, "name", .malformed)
            case .empty: self = invalid(.unprocessableContent, "file", .required)
            case .tooLarge(let limit):
                self = simple(
                    .contentTooLarge, "attachment-too-large", "error.payloadTooLarge.title",
                    catalog.text("error.attachment.tooLarge", ["maximum": "\(limit / 1_048_576)"]))
            case .unsupportedType:
                self = simple(
                    .unsupportedMediaType, "unsupported-attachment-type", "error.requestRefused.title",
                    catalog.text("error.attachment.type"))
            }
        case let error as RequestDataError:
            switch error {
            case .missing(let field): self = invalid(.unprocessableContent, field, .required)
            case .malformed(let field): self = invalid(.unprocessableContent, field, .malformed)
            case .justificationRequired:
                self = simple(
                    .unprocessableContent, "justification-required", "error.requestRefused.title",
                    catalog.text("error.justification.detail"))
            case .sensitiveDataNotAllowed:
                self = simple(
                    .unprocessableContent, "sensitive-data-not-allowed", "error.requestRefused.title",
                    catalog.text("error.sensitiveNotAllowed.detail"))
            case .consentRequired:
                self = simple(
                    .unprocessableContent, "consent-required", "error.requestRefused.title", catalog.text("error.consentRequired.detail"))
            }
        case let error as ConsentError:
            switch error {
            case .invalid(let field): self = invalid(.unprocessableContent, field, .malformed)
            case .unknownWordingVersion: self = invalid(.unprocessableContent, "wordingVersion", .notAllowed)
            case .givenInTheFuture: self = invalid(.unprocessableContent, "givenAt", .malformed)
            case .alreadyWithdrawn:
                self = simple(.conflict, "consent-already-withdrawn", "error.conflict.title", catalog.text("error.consentWithdrawn.detail"))
            case .withdrawn:
                self = simple(.conflict, "consent-withdrawn", "error.conflict.title", catalog.text("error.consentWithdrawn.detail"))
            case .requestFinished:
                self = simple(.conflict, "request-finished", "error.conflict.title", catalog.text("error.stepNotAllowed.detail"))
            case .notFound:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            }
        case let error as CoordinatorQuestionError:
            switch error {
            case .missing(let field): self = invalid(.unprocessableContent, field, .required)
            case .tooLong(let field, let maximum): self = invalid(.unprocessableContent, field, .tooLong(maximum: maximum))
            case .noNationalCoordinator:
                self = simple(
                    .unprocessableContent, "no-national-coordinator", "error.requestRefused.title",
                    catalog.text("error.noNationalCoordinator.detail"))
            case .alreadyAnswered:
                self = simple(.conflict, "already-answered", "error.conflict.title", catalog.text("error.alreadyAnswered.detail"))
            case .notFound:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            }
        case let error as RightsRequestError:
            switch error {
            case .invalid(let field): self = invalid(.unprocessableContent, field, .malformed)
            case .notCorrectable(let field): self = invalid(.unprocessableContent, "field", field.isEmpty ? .malformed : .notAllowed)
            case .notAnAuthority:
                self = simple(.forbidden, "forbidden", "error.forbidden.title", catalog.text("error.forbidden.detail"))
            case .alreadyHandled:
                self = simple(.conflict, "already-answered", "error.conflict.title", catalog.text("error.alreadyAnswered.detail"))
            case .notFound:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            }
        case let error as SupervisoryExportError:
            switch error {
            case .invalidPeriod: self = invalid(.badRequest, "from", .malformed)
            }
        case let error as EvidenceError:
            switch error {
            case .signingUnavailable:
                self = simple(
                    .serviceUnavailable, "evidence-unavailable", "error.evidenceUnavailable.title",
                    catalog.text("error.evidenceUnavailable.detail"))
            case .reportUnavailable:
                self = simple(
                    .serviceUnavailable, "report-unavailable", "error.reportUnavailable.title",
                    catalog.text("error.reportUnavailable.detail"))
            }
        case let error as IdempotencyError:
            switch error {
            case .inProgress:
                self = simple(
                    .conflict, "idempotency-in-progress", "error.conflict.title", catalog.text("error.idempotencyInProgress.detail"))
            case .keyReused:
                self = simple(
                    .unprocessableContent, "idempotency-key-reused", "error.requestRefused.title",
                    catalog.text("error.idempotencyReused.detail"))
            }
        case let error as RegistryError:
            switch error {
            case .unknownLegalArea, .unknownMemberState:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            case .unsupportedLanguage(let code):
                self = simple(
                    .badRequest, "unsupported-language", "error.unsupportedLanguage.title",
                    catalog.text(
                        "error.unsupportedLanguage.detail",
                        ["code": code, "available": availableLanguages.map(\.rawValue).joined(separator: ", ")]))
            case .invalidRetentionPeriod:
                self = simple(.internalServerError, "internal", "error.internal.title", catalog.text("error.internal.detail"))
            }
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                self = simple(.notFound, "not-found", "error.notFound.title", catalog.text("error.notFound.detail"))
            case .methodNotAllowed:
                self = simple(
                    .methodNotAllowed, "method-not-allowed", "error.methodNotAllowed.title", catalog.text("error.methodNotAllowed.detail"))
            case .contentTooLarge:
                self = simple(
                    .contentTooLarge, "payload-too-large", "error.payloadTooLarge.title",
                    catalog.text("error.payloadTooLarge.detail", ["maximum": "\(APILimits.maximumBodyBytes)"]))
            case let status where status.code < 500:
                self = simple(status, "bad-request", "error.malformedBody.title", catalog.text("error.malformedBody.detail"))
            default:
                self = simple(.internalServerError, "internal", "error.internal.title", catalog.text("error.internal.detail"))
            }
        default:
            self = simple(.internalServerError, "internal", "error.internal.title", catalog.text("error.internal.detail"))
        }
    }

    private init(status: HTTPResponse.Status, code: String, title: String, detail: String, fieldErrors: [FieldProblem]) {
        self.status = status
        self.code = code
        self.title = title
        self.detail = detail
        self.fieldErrors = fieldErrors
    }
}

/// One field named in a problem.
struct FieldProblem: Codable, Sendable, Equatable {
    let field: String
    let reason: String
}
