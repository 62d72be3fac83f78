extension UserAccount {
    /// The user with `role` added.
    public func granting(_ role: Role) -> UserAccount {
        var changed = self
        changed.roles.insert(role)
        return changed
    }

    /// The user with `roles` as their roles.
    public func holding(_ roles: Set<Role>) -> UserAccount {
        var changed = self
        changed.roles = roles
        return changed
    }

    /// The user without `role`.
    public func withdrawing(_ role: Role) -> UserAccount {
        var changed = self
        changed.roles.remove(role)
        return changed
    }

    /// The user suspended: their sessions stop working.
    public func suspended() -> UserAccount {
        var changed = self
        changed.status = .suspended
        return changed
    }

    /// The user active again after a suspension; any other status is kept.
    public func reinstated() -> UserAccount {
        var changed = self
        if changed.status == .suspended { changed.status = .active }
        return changed
    }

    /// The user active, as after activation or provisioning.
    public func activated() -> UserAccount {
        var changed = self
        changed.status = .active
        return changed
    }

    /// The user with a new language and full name where given.
    public func withProfile(language: Language?, fullName: String?, timeZone: String?? = nil) -> UserAccount {
        var changed = self
        if let language { changed.language = language }
        if let fullName { changed.fullName = fullName }
        // `.some(nil)` goes back to the member state's zone; nil leaves the choice as it was.
        if let timeZone { changed.timeZone = timeZone }
        return changed
    }
}
