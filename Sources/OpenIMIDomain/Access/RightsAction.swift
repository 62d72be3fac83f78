/// What the register of a data subject's rights request did to an exchange's data.
public enum RightsAction: String, Sendable, Hashable, CaseIterable {
    /// A field was corrected (rectification, Art. 16 GDPR).
    case correct
    /// Use was restricted (Art. 18 GDPR).
    case restrict
    /// A field was marked as contested.
    case contest
}
