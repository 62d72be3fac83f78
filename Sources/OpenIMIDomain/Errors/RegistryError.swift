/// Errors in the reference data of member states, legal areas and procedures.
public enum RegistryError: Error, Sendable, Hashable {
    /// A blocking period outside 1…18 months.
    case invalidRetentionPeriod(months: Int)
    /// An unknown legal area code.
    case unknownLegalArea(String)
    /// An unknown member state code.
    case unknownMemberState(String)
    /// An unsupported language code.
    case unsupportedLanguage(String)
}
