/// Every migration, in order. Append new ones; never edit or remove a shipped one.
public enum Migrations {
    /// The registered migrations.
    public static let all: [Migration] = [
        .v1ReferenceData,
        .v2Directory,
        .v3Identity,
        .v4Requests,
        .v5Idempotency,
        .v6RequestHandling,
        .v7AccountsByOrganisation,
        .v8TamperEvidentLog,
        .v9SealedPersonalData,
        .v10Retention,
        .v11SubjectIndex,
        .v12DataSubjectRights,
        .v13SecurityReview,
        .v14WitnessedLog,
        .v15RequestNumbers,
        .v16MachineTranslation,
        .v17Alerts,
        .v18AlertNumbersAndNotices,
        .v19MeasureNotifications,
        .v20Repositories,
        .v21NotificationDocumentsAndNotices,
        .v22JobRuns,
        .v23LogQueue,
        .v24InboxTally,
    ]
}
