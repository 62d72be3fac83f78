import Hummingbird
import OpenIMIDomain

extension AlertContentError: PresentableError {
    /// Values that do not fit an alert template's or a register's fields: 422, naming the field
    /// (`values.<field>`, the name its input has).
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .unknownField(let field): context.invalid(.unprocessableContent, "values.\(field)", .notAllowed)
        case .missing(let field): context.invalid(.unprocessableContent, "values.\(field)", .required)
        case .malformed(let field): context.invalid(.unprocessableContent, "values.\(field)", .malformed)
        case .tooLong(let field):
            context.invalid(.unprocessableContent, "values.\(field)", .tooLong(maximum: AlertTemplate.maximumValueLength))
        }
    }
}
