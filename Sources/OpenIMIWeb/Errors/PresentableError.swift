/// An error that says how it is shown: its status, problem code and translated text.
///
/// Each error type conforms in its own `X+Presentation.swift`, in the folder of its capability.
protocol PresentableError: Error {
    /// The presentation of this error in `context`'s language.
    func presentation(in context: ErrorContext) -> ErrorPresentation
}
