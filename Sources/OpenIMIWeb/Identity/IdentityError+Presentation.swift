import Hummingbird
import OpenIMIDomain

extension IdentityError: PresentableError {
    /// Sign-in and account refusals, one answer for every sign-in failure.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .signInFailed:
            return context.simple(
                .unauthorized, "sign-in-failed", "error.signInFailed.title", context.catalog.text("error.signInFailed.detail"))
        case .tooManyAttempts:
            return context.simple(
                .tooManyRequests, "too-many-attempts", "error.tooManyAttempts.title", context.catalog.text("error.tooManyAttempts.detail"))
        case .notSignedIn:
            return context.simple(
                .unauthorized, "not-signed-in", "error.notSignedIn.title", context.catalog.text("error.notSignedIn.detail"))
        case .forbidden:
            return context.simple(.forbidden, "forbidden", "error.forbidden.title", context.catalog.text("error.forbidden.detail"))
        case .csrfMismatch:
            return context.simple(.forbidden, "csrf", "error.forbidden.title", context.catalog.text("error.csrf.detail"))
        case .lastAdministrator:
            return context.simple(
                .conflict, "last-administrator", "error.conflict.title", context.catalog.text("error.lastAdministrator.detail"))
        case .usernameTaken:
            return context.simple(.conflict, "username-taken", "error.conflict.title", context.catalog.text("error.usernameTaken.detail"))
        case .invalidField(let field, let why):
            return context.invalid(.unprocessableContent, field, why)
        case .passwordRefused(let refusal):
            let detail: String =
                switch refusal {
                case .tooShort(let minimum): context.catalog.text("error.password.tooShort", ["minimum": "\(minimum)"])
                case .tooLong(let maximum): context.catalog.text("error.password.tooLong", ["maximum": "\(maximum)"])
                case .common: context.catalog.text("error.password.common")
                }
            return ErrorPresentation(
                status: .unprocessableContent, code: "password-refused", title: context.catalog.text("error.password.title"),
                detail: detail,
                fieldErrors: [FieldProblem(field: "password", reason: "refused")])
        case .activationInvalid:
            return context.simple(
                .gone, "activation-invalid", "error.activationInvalid.title", context.catalog.text("error.activationInvalid.detail"))
        case .enrolmentRequired:
            return context.simple(
                .conflict, "enrolment-required", "error.conflict.title", context.catalog.text("error.enrolmentRequired.detail"))
        case .unknownUser:
            return context.notFound
        }
    }
}
