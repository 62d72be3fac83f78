import Foundation

extension Principal {
    /// The id of the authority or coordinator the user acts for. The platform's operators act for
    /// no organisation with an id: they are refused rather than given an invented one, so no log
    /// entry or record ever names an organisation that does not exist.
    public func actingOrganisationID() throws(IdentityError) -> UUID {
        guard let id = organisation.id.uuid else { throw .forbidden(.notApplicable) }
        return id
    }
}
