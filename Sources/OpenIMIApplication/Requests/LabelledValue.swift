/// A label and its value, both ready to show.
public struct LabelledValue: Sendable, Hashable {
    /// What the value is, in the reader's language.
    public let label: String
    /// The value.
    public let value: String

    /// Pairs `label` with `value`.
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}
