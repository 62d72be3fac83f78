import Foundation
import OpenIMIDomain
import OpenIMIPersistence

extension AlertService {
    /// Corrects personal field `field` of sent alert `id` to `value` for its sender's rights register
    /// (the caller checked the entry): in the current and every earlier version, every routed
    /// authority told as of an amendment, the blind index rebuilt; logged with `purpose`.
    public func correct(
        _ id: AlertID, field: String, to value: String, by principal: Principal, purpose: AccessPurpose, now: Date
    ) async throws -> Alert {
        try evidence.requireSigning()
        guard let alert = try await AlertRepository(sql: database.sql, keys: keys).find(id),
            alert.sender == principal.organisation.id.uuid
        else { throw AlertError.notFound }
        let (template, _) = try template(for: alert.procedure.rawValue)
        guard template.field(field)?.personalData == true else { throw AlertError.content(.unknownField(field)) }
        let actor = StepActor(userID: principal.user.id, organisationID: try principal.actingOrganisationID())
        let changed: Alert
        do {
            changed = try alert.correcting(field, to: value, template: template, by: actor, at: now)
        } catch {
            throw AlertError.step(error)
        }
        return try await commit(changed, over: alert, .amend, template: template, by: principal, purpose: purpose, now: now)
    }
}
