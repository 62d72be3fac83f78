extension Migration {
    /// The accounts of one organisation in username order, read for every notification of a step.
    static let v7AccountsByOrganisation = Migration(
        version: 7, name: "accounts by organisation",
        statements: [
            "CREATE INDEX user_account_by_organisation_id ON user_account (organisation_id, username)"
        ])
}
