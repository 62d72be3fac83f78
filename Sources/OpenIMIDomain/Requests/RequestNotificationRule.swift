import Foundation

/// Which organisations learn of a step: every party of the request after it, the authority a
/// forward took it from, and the coordinator once referred — except the one that acted.
public enum RequestNotificationRule {
    /// The organisations whose inbox shows the step from `before` to `after`, taken by `actor`.
    public static func recipients(before: InformationRequest, after: InformationRequest, actor: UUID) -> [UUID] {
        guard after.state != .draft else { return [] }
        var recipients = [after.involvement.requester.uuid, after.involvement.responder.uuid]
        if before.involvement.responder != after.involvement.responder { recipients.append(before.involvement.responder.uuid) }
        if let coordinator = after.involvement.referredTo, before.state == .referred || after.state == .referred {
            recipients.append(coordinator.uuid)
        }
        var seen: Set<UUID> = [actor]
        return recipients.filter { seen.insert($0).inserted }
    }

    /// Who of `organisation`'s `users` gets an e-mail about a step on `request`: the handler it is
    /// allocated to when the organisation is the current responder and one is set; otherwise every
    /// active user able to act on it — request handlers and allocators of the area at an authority,
    /// coordinators at a coordinator.
    public static func mailRecipients(among users: [UserAccount], of organisation: UUID, for request: InformationRequest) -> [UserAccount] {
        let active = users.filter { $0.status == .active && $0.organisation.uuid == organisation && !$0.email.isEmpty }
        if organisation == request.involvement.responder.uuid, let allocated = request.allocatedTo,
            let handler = active.first(where: { $0.id == allocated })
        {
            return [handler]
        }
        return active.filter { user in
            user.roles.contains { role in
                switch role {
                case .requestHandler(let area), .allocator(let area): area == request.legalArea.rawValue
                case .nationalCoordinator, .areaCoordinator: organisation == request.involvement.referredTo?.uuid
                default: false
                }
            }
        }
    }
}
