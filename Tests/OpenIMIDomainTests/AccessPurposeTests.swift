import Foundation
import OpenIMIDomain
import Testing

/// The access log's vocabulary: every purpose keeps the stored form logs have always held, and
/// reading a stored value back gives the same purpose.
@Suite struct AccessPurposeTests {
    static let rights = UUID(uuidString: "7C1D5E2A-0B9F-4C1E-9A51-3D2F1E0C4B6A")!

    /// Each purpose with the exact text earlier logs hold for it.
    static let stored: [(AccessPurpose, String)] = [
        (.createDraft, "create-draft"), (.step(.send), "step:send"),
        (.step(.requestAdditionalInformation), "step:request-additional-information"),
        (.answer(question: "registration-status"), "answer:registration-status"), (.decideDeadline, "deadline"),
        (.allocate, "allocate"), (.attach, "attach"), (.read(.api, .getRequest), "api:get-request"),
        (.read(.web, .viewRequest), "web:view-request"), (.read(.api, .getEvidence), "api:get-evidence"),
        (.read(.web, .getReport), "web:get-report"), (.read(.api, .getAttachment), "api:get-attachment"),
        (.read(.api, .listAttachments), "api:list-attachments"), (.read(.api, .getAttachmentDescription), "api:get-attachment-description"),
        (.read(.web, .listConsents), "web:list-consents"),
        (.read(.api, .informationNotice), "api:information-notice"),
        (.read(.web, .informationNoticePDF), "web:information-notice-pdf"), (.subjectSearch, "subject-search"),
        (.recordConsent(.sanctionsData), "consent:record:sanctions-data"), (.withdrawConsent(.processing), "consent:withdraw:processing"),
        (.openBlocked(.dataSubjectRights), "blocked:data-subject-rights"), (.block(.retention), "retention:block"),
        (.block(.consentWithdrawn), "consent:withdrawn-delete:block"), (.block(.erasure), "rights:erasure:block"),
        (.delete(.retention), "retention:delete"), (.delete(.consentWithdrawn), "consent:withdrawn-delete"),
        (.delete(.erasure), "rights:erasure"), (.rightsRequest(.access, rights), "rights:access:7c1d5e2a-0b9f-4c1e-9a51-3d2f1e0c4b6a"),
        (.rightsAction(.rectification, rights, .correct), "rights:rectification:7c1d5e2a-0b9f-4c1e-9a51-3d2f1e0c4b6a:correct"),
        (.rightsAction(.restriction, rights, .restrict), "rights:restriction:7c1d5e2a-0b9f-4c1e-9a51-3d2f1e0c4b6a:restrict"),
        (.correctionApplied, "rights:correction-applied"),
    ]

    @Test func storedFormsAreThoseEarlierLogsHoldAndReadBack() {
        for (purpose, text) in Self.stored {
            #expect(purpose.rawValue == text)
            #expect(AccessPurpose(rawValue: text) == purpose, "\(text)")
        }
    }

    @Test func everyChannelResourceAndActionReadsBack() {
        var all: [AccessPurpose] = []
        for channel in AccessChannel.allCases { all += ReadResource.allCases.map { .read(channel, $0) } }
        all += RequestAction.allCases.map { .step($0) }
        all += ConsentPurpose.allCases.flatMap { [.recordConsent($0), .withdrawConsent($0)] }
        all += BlockedDataPurpose.allCases.map { .openBlocked($0) }
        all +=
            AlertAction.allCases.map { .alertStep($0) } + [
                .createAlertDraft, .createNotificationDraft, .attachToNotification, .detachFromNotification,
            ]
        all += MeasureNotificationAction.allCases.map { .notificationStep($0) }
        all += RepositoryRecordAction.allCases.map { .repository($0) }
        all += DeletionReason.allCases.flatMap { [.block($0), .delete($0)] }
        all += RightsRequestKind.allCases.flatMap { kind in
            [.rightsRequest(kind, Self.rights)] + RightsAction.allCases.map { .rightsAction(kind, Self.rights, $0) }
        }
        #expect(Set(all.map(\.rawValue)).count == all.count, "no two purposes share a stored form")
        for purpose in all { #expect(AccessPurpose(rawValue: purpose.rawValue) == purpose, "\(purpose.rawValue)") }
    }

    @Test func valuesOutsideTheVocabularyAreNotPurposes() {
        for text in [
            "", "test", "step:", "step:fly", "answer:", "api:get-everything", "mail:get-request", "consent:record:",
            "consent:keep:processing",
            "blocked:curiosity", "rights:access", "rights:access:not-a-uuid", "rights:access:7C1D5E2A-0B9F-4C1E-9A51-3D2F1E0C4B6A",
            "rights:access:7c1d5e2a-0b9f-4c1e-9a51-3d2f1e0c4b6a:shred", "retention:block:extra", "create-draft:", "notification:",
            "notification:shout",
        ] {
            #expect(AccessPurpose(rawValue: text) == nil, "\(text)")
        }
    }
}
