import Foundation
import OpenIMIDomain

/// The answers as typed in the answer form, kept when the form is refused so that the page shows
/// them again with what to correct.
struct AnswerDraft {
    /// The typed answers by question id.
    let answers: [String: Answer]
    /// The message beside each refused question.
    let byQuestion: [String: String]
    /// The summary at the top, linking to each question.
    let errors: [FieldError]
    /// Whether someone else changed the request first (answered 409, not 422).
    var isConflict = false
}

/// A step form as typed, kept when the step is refused: the page shows it again with the reason.
struct StepDraft {
    /// The step; nil for the deletion of a draft.
    let action: RequestAction?
    /// The comment typed.
    let comment: String
    /// The deadline proposed when accepting, as typed.
    let proposedDeadline: String
    /// Why the step was refused.
    let message: String
    /// Whether someone else changed the request first (answered 409, not 422).
    var isConflict = false
}
