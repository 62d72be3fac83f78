import Foundation

extension Authority {
    /// The authority as registered by coordinator `coordinator`: pending until validated.
    public func registered(by coordinator: CoordinatorID) -> Authority {
        var registered = self
        registered.status = .pending
        registered.registeredBy = coordinator
        return registered
    }

    /// The authority after `action` by `actor`, as ``DirectoryPolicy`` allows it.
    public func taking(_ action: AuthorityStatusAction, by actor: Coordinator) throws(DirectoryError) -> Authority {
        var changed = self
        changed.status = try DirectoryPolicy.status(after: action, of: self, by: actor)
        return changed
    }

    /// `changed`'s details (names, address, contact, areas, keywords, languages) on this authority,
    /// which keeps its member state, status and registrar.
    public func replacingDetails(with changed: Authority) -> Authority {
        var updated = changed
        updated.id = id
        updated.memberState = memberState
        updated.status = status
        updated.registeredBy = registeredBy
        return updated
    }
}
