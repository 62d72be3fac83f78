/// A recurring legal term whose wording in each language follows the official texts (the IMI
/// Regulation and the GDPR). The raw value is the concept's key in the glossary files and in the
/// catalogs (`term.<concept>`, `termMeaning.<concept>`).
public enum GlossaryConcept: String, CaseIterable, Sendable, Hashable {
    /// A body applying internal market law, registered in IMI.
    case competentAuthority = "competent_authority"
    /// A body supporting IMI's users on behalf of a member state.
    case imiCoordinator = "imi_coordinator"
    /// The one coordinator responsible for IMI in a member state (NIMIC).
    case nationalIMICoordinator = "national_imi_coordinator"
    /// The person personal data are about.
    case dataSubject = "data_subject"
    /// Information relating to an identified or identifiable natural person.
    case personalData = "personal_data"
    /// Restricting the use of personal data kept after formal closure.
    case blocking
    /// Who decides why and how personal data are processed.
    case controller
    /// An area of EU law whose administrative cooperation goes through IMI.
    case legalArea = "legal_area"
}
