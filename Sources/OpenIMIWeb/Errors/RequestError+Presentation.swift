import Hummingbird

extension RequestError: PresentableError {
    /// A malformed request: its status is 4xx and it names the parameter or field.
    func presentation(in context: ErrorContext) -> ErrorPresentation {
        switch self {
        case .notFound:
            return context.notFound
        case .invalidParameter(let name, let why):
            return context.invalid(.badRequest, name, why)
        case .unsupportedLanguage(let code):
            return context.unsupportedLanguage(code)
        case .malformedBody:
            return context.simple(
                .badRequest, "malformed-body", "error.malformedBody.title", context.catalog.text("error.malformedBody.detail"))
        case .wrongType(let field):
            return ErrorPresentation(
                status: .badRequest, code: "malformed-body", title: context.catalog.text("error.malformedBody.title"),
                detail: context.catalog.text("error.wrongType.detail", ["field": field]),
                fieldErrors: [FieldProblem(field: field, reason: "wrong-type")])
        case .unknownFields(let fields):
            return ErrorPresentation(
                status: .badRequest, code: "unknown-fields", title: context.catalog.text("error.unknownFields.title"),
                detail: context.catalog.text("error.unknownFields.detail", ["fields": fields.joined(separator: ", ")]),
                fieldErrors: fields.map { FieldProblem(field: $0, reason: "unknown") })
        case .payloadTooLarge(let maximum):
            return context.simple(
                .contentTooLarge, "payload-too-large", "error.payloadTooLarge.title",
                context.catalog.text("error.payloadTooLarge.detail", ["maximum": "\(maximum)"]))
        case .unsupportedMediaType:
            return context.simple(
                .unsupportedMediaType, "unsupported-media-type", "error.unsupportedMediaType.title",
                context.catalog.text("error.unsupportedMediaType.detail"))
        }
    }
}
