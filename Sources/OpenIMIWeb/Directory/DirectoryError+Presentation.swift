import Hummingbird
import OpenIMIDomain

extension DirectoryError: PresentableError {
    /// Refusals of the directory: 403 outside one's member state or scope, 409 for conflicts, 422 for invalid fields.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .invalidField(let field, let why):
            return context.invalid(.unprocessableContent, field, why)
        case .otherMemberState(let actor, let target):
            return context.simple(
                .forbidden, "forbidden", "error.forbidden.title",
                context.catalog.text("error.otherMemberState.detail", ["actor": actor.rawValue, "target": target.rawValue]))
        case .outsideCoordinatorScope:
            return context.simple(.forbidden, "forbidden", "error.forbidden.title", context.catalog.text("error.outsideScope.detail"))
        case .notNationalCoordinator:
            return context.simple(
                .forbidden, "forbidden", "error.forbidden.title", context.catalog.text("error.notNationalCoordinator.detail"))
        case .nationalCoordinatorExists(let state):
            return context.simple(
                .conflict, "conflict", "error.conflict.title",
                context.catalog.text("error.nationalCoordinatorExists.detail", ["state": state.rawValue]))
        case .invalidStatusTransition(let from, _):
            return context.simple(
                .conflict, "conflict", "error.conflict.title",
                context.catalog.text("error.invalidTransition.detail", ["status": context.catalog.text("authorityStatus.\(from.rawValue)")])
            )
        case .unknownAuthority, .unknownCoordinator:
            return context.notFound
        }
    }
}
