import Foundation

/// Errors of the authority directory and its registration rules.
public enum DirectoryError: Error, Sendable, Hashable {
    /// A coordinator of one state tried to act on another state's authority or coordinator.
    case otherMemberState(actor: MemberStateCode, target: MemberStateCode)
    /// The authority lies outside the legal areas or region of the acting coordinator.
    case outsideCoordinatorScope
    /// Only the national coordinator may do this.
    case notNationalCoordinator
    /// The state already has its one national coordinator.
    case nationalCoordinatorExists(MemberStateCode)
    /// The status change is not allowed from the current status.
    case invalidStatusTransition(from: AuthorityStatus, action: AuthorityStatusAction)
    /// No authority with this identifier.
    case unknownAuthority(UUID)
    /// No coordinator with this identifier.
    case unknownCoordinator(UUID)
    /// A field of a registration is missing or malformed.
    case invalidField(String, InvalidFieldReason)
}

/// Why a field was refused.
public enum InvalidFieldReason: Sendable, Hashable {
    /// The field is required.
    case required
    /// The text is longer than allowed.
    case tooLong(maximum: Int)
    /// The value is outside the allowed range.
    case outOfRange(minimum: Int, maximum: Int)
    /// The value is not one of the allowed values.
    case notAllowed
    /// The value is malformed.
    case malformed
}
