import Hummingbird
import OpenIMIApplication

/// The route table: every address of OpenIMI with its method and whether it is public or needs a
/// session. Controllers register their routes from here and every link is built from here, so an
/// address is written once. Pages are the members of ``Site``; the JSON API's are in ``Site/API``.
enum Site {
    /// Where the JSON API's addresses begin.
    static let apiPrefix = "/api/"

    static let requestConsents = SiteRoute(.get, "/requests/{id}/consents", .signedIn)
    static let postRequestConsents = SiteRoute(.post, "/requests/{id}/consents", .signedIn)
    static let postRequestConsentWithdraw = SiteRoute(.post, "/requests/{id}/consents/{consent}/withdraw", .signedIn)
    static let questions = SiteRoute(.get, "/questions", .signedIn)
    static let postQuestions = SiteRoute(.post, "/questions", .signedIn)
    static let postQuestionAnswer = SiteRoute(.post, "/questions/{id}/answer", .signedIn)
    static let coordinators = SiteRoute(.get, "/coordinators", .public)
    static let directory = SiteRoute(.get, "/directory", .public)
    static let authority = SiteRoute(.get, "/directory/authorities/{id}", .public)
    static let health = SiteRoute(.get, "/health", .public)
    static let metrics = SiteRoute(.get, "/metrics", .public)
    static let home = SiteRoute(.get, "/", .public)
    static let staticFile = SiteRoute(.get, "/static/{file}", .public)
    static let account = SiteRoute(.get, "/account", .signedIn)
    static let postAccountProfile = SiteRoute(.post, "/account/profile", .signedIn)
    static let postAccountPassword = SiteRoute(.post, "/account/password", .signedIn)
    static let activate = SiteRoute(.get, "/activate", .public)
    static let postActivate = SiteRoute(.post, "/activate", .public)
    static let postActivateConfirm = SiteRoute(.post, "/activate/confirm", .public)
    static let signIn = SiteRoute(.get, "/sign-in", .public)
    static let postSignIn = SiteRoute(.post, "/sign-in", .public)
    static let postSignOut = SiteRoute(.post, "/sign-out", .signedIn)
    static let users = SiteRoute(.get, "/users", .signedIn)
    static let postUsers = SiteRoute(.post, "/users", .signedIn)
    static let postUserOperation = SiteRoute(.post, "/users/{id}/{operation}", .signedIn)
    static let postUserListsConfirm = SiteRoute(.post, "/user-lists/confirm", .signedIn)
    static let userListsOverdue = SiteRoute(.get, "/user-lists/overdue", .signedIn)
    static let privacy = SiteRoute(.get, "/privacy", .public)
    static let glossary = SiteRoute(.get, "/glossary", .public)
    static let requestInformationNotice = SiteRoute(.get, "/requests/{id}/information-notice", .signedIn)
    static let requestInformationNoticePdf = SiteRoute(.get, "/requests/{id}/information-notice.pdf", .signedIn)
    static let openAPIDocument = SiteRoute(.get, "/openapi.json", .public)
    static let legalAreas = SiteRoute(.get, "/legal-areas", .public)
    static let indicators = SiteRoute(.get, "/indicators", .public)
    static let requestBlockedAccess = SiteRoute(.get, "/requests/{id}/blocked-access", .signedIn)
    static let postRequestBlockedAccess = SiteRoute(.post, "/requests/{id}/blocked-access", .signedIn)
    static let postRequestSteps = SiteRoute(.post, "/requests/{id}/steps", .signedIn)
    static let postRequestAnswers = SiteRoute(.post, "/requests/{id}/answers", .signedIn)
    static let requestDraft = SiteRoute(.get, "/requests/{id}/draft", .signedIn)
    static let postRequestDraft = SiteRoute(.post, "/requests/{id}/draft", .signedIn)
    static let postRequestDraftDeletion = SiteRoute(.post, "/requests/{id}/draft/deletion", .signedIn)
    static let postRequestDeadlineDecision = SiteRoute(.post, "/requests/{id}/deadline-decision", .signedIn)
    static let postRequestAllocation = SiteRoute(.post, "/requests/{id}/allocation", .signedIn)
    static let postRequestAttachments = SiteRoute(.post, "/requests/{id}/attachments", .signedIn)
    static let postRequestTranslations = SiteRoute(.post, "/requests/{id}/translations", .signedIn)
    static let requests = SiteRoute(.get, "/requests", .signedIn)
    static let alerts = SiteRoute(.get, "/alerts", .signedIn)
    static let newAlert = SiteRoute(.get, "/alerts/new", .signedIn)
    static let postAlerts = SiteRoute(.post, "/alerts", .signedIn)
    static let alert = SiteRoute(.get, PublicAddress.alertPattern, .signedIn)
    static let postAlertSteps = SiteRoute(.post, "/alerts/{id}/steps", .signedIn)
    static let postAlertRoutingRules = SiteRoute(.post, "/alerts/routing-rules", .signedIn)
    static let alertInformationNotice = SiteRoute(.get, "/alerts/{id}/information-notice", .signedIn)
    static let alertEvidence = SiteRoute(.get, "/alerts/{id}/evidence", .signedIn)
    static let alertReport = SiteRoute(.get, "/alerts/{id}/report", .signedIn)
    static let notifications = SiteRoute(.get, "/notifications", .signedIn)
    static let newNotification = SiteRoute(.get, "/notifications/new", .signedIn)
    static let postNotifications = SiteRoute(.post, "/notifications", .signedIn)
    static let notification = SiteRoute(.get, PublicAddress.notificationPattern, .signedIn)
    static let postNotificationSteps = SiteRoute(.post, "/notifications/{id}/steps", .signedIn)
    static let postNotificationAttachments = SiteRoute(.post, "/notifications/{id}/attachments", .signedIn)
    static let notificationAttachment = SiteRoute(.get, "/notifications/{id}/attachments/{attachment}", .signedIn)
    static let postNotificationAttachmentRemoval = SiteRoute(.post, "/notifications/{id}/attachments/{attachment}/removal", .signedIn)
    static let repositories = SiteRoute(.get, "/repositories", .signedIn)
    static let repository = SiteRoute(.get, "/repositories/{code}", .signedIn)
    static let postRepositoryRecords = SiteRoute(.post, "/repositories/{code}/records", .signedIn)
    static let repositoryRecord = SiteRoute(.get, "/repositories/{code}/records/{id}", .signedIn)
    static let postRepositoryRecord = SiteRoute(.post, "/repositories/{code}/records/{id}", .signedIn)
    static let alertInformationNoticePdf = SiteRoute(.get, "/alerts/{id}/information-notice.pdf", .signedIn)
    static let newRequest = SiteRoute(.get, "/requests/new", .signedIn)
    static let postRequests = SiteRoute(.post, "/requests", .signedIn)
    static let request = SiteRoute(.get, PublicAddress.requestPattern, .signedIn)
    static let requestAttachment = SiteRoute(.get, "/requests/{id}/attachments/{attachment}", .signedIn)
    static let requestEvidence = SiteRoute(.get, "/requests/{id}/evidence", .signedIn)
    static let requestReport = SiteRoute(.get, "/requests/{id}/report", .signedIn)
    static let rightsRequests = SiteRoute(.get, "/rights-requests", .signedIn)
    static let postRightsRequests = SiteRoute(.post, "/rights-requests", .signedIn)
    static let rightsRequestsOverdue = SiteRoute(.get, "/rights-requests/overdue", .signedIn)
    static let rightsRequest = SiteRoute(.get, "/rights-requests/{id}", .signedIn)
    static let postRightsRequestAnswer = SiteRoute(.post, "/rights-requests/{id}/answer", .signedIn)
    static let rightsRequestExportPdf = SiteRoute(.get, "/rights-requests/{id}/export.pdf", .signedIn)
    static let postRightsRequestAction = SiteRoute(.post, "/rights-requests/{id}/{action}", .signedIn)
    static let corrections = SiteRoute(.get, "/corrections", .signedIn)
    static let postCorrectionApply = SiteRoute(.post, "/corrections/{id}/apply", .signedIn)
    static let subjects = SiteRoute(.get, "/subjects", .signedIn)
    static let postSubjects = SiteRoute(.post, "/subjects", .signedIn)
    static let supervision = SiteRoute(.get, "/supervision", .signedIn)
    static let accessLog = SiteRoute(.get, "/access-log", .signedIn)
    static let postSupervision = SiteRoute(.post, "/supervision", .signedIn)

    /// The pages' routes by name, for the templates' links (`{{links.directory}}`,
    /// `{{#links.request}}{{id}}{{/links.request}}`).
    static let pagesByName: [String: SiteRoute] = [
        "requestConsents": requestConsents,
        "postRequestConsents": postRequestConsents,
        "postRequestConsentWithdraw": postRequestConsentWithdraw,
        "questions": questions,
        "alerts": alerts,
        "newAlert": newAlert,
        "postAlerts": postAlerts,
        "alert": alert,
        "postAlertSteps": postAlertSteps,
        "postAlertRoutingRules": postAlertRoutingRules,
        "alertInformationNotice": alertInformationNotice,
        "alertEvidence": alertEvidence,
        "alertReport": alertReport,
        "notifications": notifications,
        "newNotification": newNotification,
        "postNotifications": postNotifications,
        "notification": notification,
        "postNotificationSteps": postNotificationSteps,
        "postNotificationAttachments": postNotificationAttachments,
        "notificationAttachment": notificationAttachment,
        "postNotificationAttachmentRemoval": postNotificationAttachmentRemoval,
        "repositories": repositories,
        "repository": repository,
        "postRepositoryRecords": postRepositoryRecords,
        "repositoryRecord": repositoryRecord,
        "postRepositoryRecord": postRepositoryRecord,
        "alertInformationNoticePdf": alertInformationNoticePdf,
        "postQuestions": postQuestions,
        "postQuestionAnswer": postQuestionAnswer,
        "coordinators": coordinators,
        "directory": directory,
        "authority": authority,
        "health": health,
        "home": home,
        "staticFile": staticFile,
        "account": account,
        "postAccountProfile": postAccountProfile,
        "postAccountPassword": postAccountPassword,
        "activate": activate,
        "postActivate": postActivate,
        "postActivateConfirm": postActivateConfirm,
        "signIn": signIn,
        "postSignIn": postSignIn,
        "postSignOut": postSignOut,
        "users": users,
        "postUsers": postUsers,
        "postUserOperation": postUserOperation,
        "postUserListsConfirm": postUserListsConfirm,
        "userListsOverdue": userListsOverdue,
        "privacy": privacy,
        "glossary": glossary,
        "requestInformationNotice": requestInformationNotice,
        "requestInformationNoticePdf": requestInformationNoticePdf,
        "openAPIDocument": openAPIDocument,
        "legalAreas": legalAreas,
        "indicators": indicators,
        "requestBlockedAccess": requestBlockedAccess,
        "postRequestBlockedAccess": postRequestBlockedAccess,
        "postRequestSteps": postRequestSteps,
        "postRequestAnswers": postRequestAnswers,
        "requestDraft": requestDraft,
        "postRequestDraft": postRequestDraft,
        "postRequestDraftDeletion": postRequestDraftDeletion,
        "postRequestDeadlineDecision": postRequestDeadlineDecision,
        "postRequestAllocation": postRequestAllocation,
        "postRequestAttachments": postRequestAttachments,
        "postRequestTranslations": postRequestTranslations,
        "requests": requests,
        "newRequest": newRequest,
        "postRequests": postRequests,
        "request": request,
        "requestAttachment": requestAttachment,
        "requestEvidence": requestEvidence,
        "requestReport": requestReport,
        "rightsRequests": rightsRequests,
        "postRightsRequests": postRightsRequests,
        "rightsRequestsOverdue": rightsRequestsOverdue,
        "rightsRequest": rightsRequest,
        "postRightsRequestAnswer": postRightsRequestAnswer,
        "rightsRequestExportPdf": rightsRequestExportPdf,
        "postRightsRequestAction": postRightsRequestAction,
        "corrections": corrections,
        "postCorrectionApply": postCorrectionApply,
        "subjects": subjects,
        "postSubjects": postSubjects,
        "supervision": supervision,
        "accessLog": accessLog,
        "postSupervision": postSupervision,
    ]

    /// The JSON API under `/api/v1`, signed in with a bearer token.
    enum API {
        static let requestConsents = SiteRoute(.get, "/api/v1/requests/{id}/consents", .signedIn)
        static let postRequestConsents = SiteRoute(.post, "/api/v1/requests/{id}/consents", .signedIn)
        static let postRequestConsentWithdrawal = SiteRoute(.post, "/api/v1/requests/{id}/consents/{consent}/withdrawal", .signedIn)
        static let postCoordinatorQuestions = SiteRoute(.post, "/api/v1/coordinator-questions", .signedIn)
        static let coordinatorQuestions = SiteRoute(.get, "/api/v1/coordinator-questions", .signedIn)
        static let coordinatorQuestionsInbox = SiteRoute(.get, "/api/v1/coordinator-questions/inbox", .signedIn)
        static let coordinatorQuestion = SiteRoute(.get, "/api/v1/coordinator-questions/{id}", .signedIn)
        static let postCoordinatorQuestionAnswer = SiteRoute(.post, "/api/v1/coordinator-questions/{id}/answer", .signedIn)
        static let coordinators = SiteRoute(.get, "/api/v1/coordinators", .public)
        static let authorities = SiteRoute(.get, "/api/v1/authorities", .public)
        static let postAuthoritiesSearch = SiteRoute(.post, "/api/v1/authorities/search", .public)
        static let authority = SiteRoute(.get, "/api/v1/authorities/{id}", .public)
        static let me = SiteRoute(.get, "/api/v1/me", .signedIn)
        static let patchMe = SiteRoute(.patch, "/api/v1/me", .signedIn)
        static let postMePassword = SiteRoute(.post, "/api/v1/me/password", .signedIn)
        static let postActivation = SiteRoute(.post, "/api/v1/activation", .public)
        static let postActivationConfirm = SiteRoute(.post, "/api/v1/activation/confirm", .public)
        static let postSession = SiteRoute(.post, "/api/v1/session", .public)
        static let deleteSession = SiteRoute(.delete, "/api/v1/session", .signedIn)
        static let organisationUsers = SiteRoute(.get, "/api/v1/organisations/{kind}/{id}/users", .signedIn)
        static let postOrganisationUsers = SiteRoute(.post, "/api/v1/organisations/{kind}/{id}/users", .signedIn)
        static let postOrganisationUserListConfirmations = SiteRoute(
            .post, "/api/v1/organisations/{kind}/{id}/user-list-confirmations", .signedIn)
        static let postUserRoles = SiteRoute(.post, "/api/v1/users/{id}/roles", .signedIn)
        static let deleteUserRole = SiteRoute(.delete, "/api/v1/users/{id}/roles/{role}", .signedIn)
        static let postUserSuspension = SiteRoute(.post, "/api/v1/users/{id}/suspension", .signedIn)
        static let deleteUserSuspension = SiteRoute(.delete, "/api/v1/users/{id}/suspension", .signedIn)
        static let postUserSecondFactorReset = SiteRoute(.post, "/api/v1/users/{id}/second-factor-reset", .signedIn)
        static let userListsOverdue = SiteRoute(.get, "/api/v1/user-lists/overdue", .signedIn)
        static let requestInformationNotice = SiteRoute(.get, "/api/v1/requests/{id}/information-notice", .signedIn)
        static let legalAreas = SiteRoute(.get, "/api/v1/legal-areas", .public)
        static let legalArea = SiteRoute(.get, "/api/v1/legal-areas/{code}", .public)
        static let memberStates = SiteRoute(.get, "/api/v1/member-states", .public)
        static let indicators = SiteRoute(.get, "/api/v1/indicators", .public)
        static let postRequestAttachments = SiteRoute(.post, "/api/v1/requests/{id}/attachments", .signedIn)
        static let requestAttachments = SiteRoute(.get, "/api/v1/requests/{id}/attachments", .signedIn)
        static let requestAttachment = SiteRoute(.get, "/api/v1/requests/{id}/attachments/{attachment}", .signedIn)
        static let requestAttachmentDescription = SiteRoute(
            .get, "/api/v1/requests/{id}/attachments/{attachment}/description", .signedIn)
        static let requestEvidence = SiteRoute(.get, "/api/v1/requests/{id}/evidence", .signedIn)
        static let requestReport = SiteRoute(.get, "/api/v1/requests/{id}/report", .signedIn)
        static let postRequests = SiteRoute(.post, "/api/v1/requests", .signedIn)
        static let requests = SiteRoute(.get, "/api/v1/requests", .signedIn)
        static let request = SiteRoute(.get, "/api/v1/requests/{id}", .signedIn)
        static let postRequestSteps = SiteRoute(.post, "/api/v1/requests/{id}/steps", .signedIn)
        static let putRequestAnswer = SiteRoute(.put, "/api/v1/requests/{id}/answers/{question}", .signedIn)
        static let postRequestAllocation = SiteRoute(.post, "/api/v1/requests/{id}/allocation", .signedIn)
        static let postRequestTranslations = SiteRoute(.post, "/api/v1/requests/{id}/translations", .signedIn)
        static let postAlerts = SiteRoute(.post, "/api/v1/alerts", .signedIn)
        static let alerts = SiteRoute(.get, "/api/v1/alerts", .signedIn)
        static let alertRoutingRules = SiteRoute(.get, "/api/v1/alert-routing-rules", .signedIn)
        static let alertInformationNotice = SiteRoute(.get, "/api/v1/alerts/{id}/information-notice", .signedIn)
        static let alertEvidence = SiteRoute(.get, "/api/v1/alerts/{id}/evidence", .signedIn)
        static let alertReport = SiteRoute(.get, "/api/v1/alerts/{id}/report", .signedIn)
        static let measureNotifications = SiteRoute(.get, "/api/v1/measure-notifications", .signedIn)
        static let postMeasureNotifications = SiteRoute(.post, "/api/v1/measure-notifications", .signedIn)
        static let measureNotification = SiteRoute(.get, "/api/v1/measure-notifications/{id}", .signedIn)
        static let postMeasureNotificationSteps = SiteRoute(.post, "/api/v1/measure-notifications/{id}/steps", .signedIn)
        static let postMeasureNotificationAttachments = SiteRoute(.post, "/api/v1/measure-notifications/{id}/attachments", .signedIn)
        static let measureNotificationAttachments = SiteRoute(.get, "/api/v1/measure-notifications/{id}/attachments", .signedIn)
        static let measureNotificationAttachment = SiteRoute(
            .get, "/api/v1/measure-notifications/{id}/attachments/{attachment}", .signedIn)
        static let deleteMeasureNotificationAttachment = SiteRoute(
            .delete, "/api/v1/measure-notifications/{id}/attachments/{attachment}", .signedIn)
        static let repositories = SiteRoute(.get, "/api/v1/repositories", .signedIn)
        static let repositoryRecords = SiteRoute(.get, "/api/v1/repositories/{code}/records", .signedIn)
        static let postRepositoryRecords = SiteRoute(.post, "/api/v1/repositories/{code}/records", .signedIn)
        static let repositoryRecord = SiteRoute(.get, "/api/v1/repositories/{code}/records/{id}", .signedIn)
        static let putRepositoryRecord = SiteRoute(.put, "/api/v1/repositories/{code}/records/{id}", .signedIn)
        static let putRepositoryMaintainer = SiteRoute(.put, "/api/v1/repositories/{code}/maintainers/{authority}", .signedIn)
        static let putAlertRoutingRule = SiteRoute(.put, "/api/v1/alert-routing-rules/{area}", .signedIn)
        static let alert = SiteRoute(.get, "/api/v1/alerts/{id}", .signedIn)
        static let postAlertSteps = SiteRoute(.post, "/api/v1/alerts/{id}/steps", .signedIn)
        static let postMachineTranslationCallback = SiteRoute(.post, MachineTranslationService.callbackPath, .public)
        static let notifications = SiteRoute(.get, "/api/v1/notifications", .signedIn)
        static let postRequestDeadlineDecision = SiteRoute(.post, "/api/v1/requests/{id}/deadline-decision", .signedIn)
        static let postRequestBlockedAccess = SiteRoute(.post, "/api/v1/requests/{id}/blocked-access", .signedIn)
        static let postRightsRequests = SiteRoute(.post, "/api/v1/rights-requests", .signedIn)
        static let rightsRequests = SiteRoute(.get, "/api/v1/rights-requests", .signedIn)
        static let rightsRequestsOverdue = SiteRoute(.get, "/api/v1/rights-requests/overdue", .signedIn)
        static let rightsRequest = SiteRoute(.get, "/api/v1/rights-requests/{id}", .signedIn)
        static let postRightsRequestAnswer = SiteRoute(.post, "/api/v1/rights-requests/{id}/answer", .signedIn)
        static let rightsRequestData = SiteRoute(.get, "/api/v1/rights-requests/{id}/data", .signedIn)
        static let rightsRequestExport = SiteRoute(.get, "/api/v1/rights-requests/{id}/export", .signedIn)
        static let rightsRequestExportPdf = SiteRoute(.get, "/api/v1/rights-requests/{id}/export.pdf", .signedIn)
        static let postRightsRequestAction = SiteRoute(.post, "/api/v1/rights-requests/{id}/{action}", .signedIn)
        static let corrections = SiteRoute(.get, "/api/v1/corrections", .signedIn)
        static let postCorrectionApplication = SiteRoute(.post, "/api/v1/corrections/{id}/application", .signedIn)
        static let postSubjectSearch = SiteRoute(.post, "/api/v1/subject-search", .signedIn)
        static let authoritySupervisoryExport = SiteRoute(.get, "/api/v1/authorities/{id}/supervisory-export", .signedIn)
    }

    /// Every route of the table, pages and API.
    static let all: [SiteRoute] = [
        requestConsents,
        postRequestConsents,
        postRequestConsentWithdraw,
        questions,
        alerts,
        newAlert,
        postAlerts,
        alert,
        postAlertSteps,
        postAlertRoutingRules,
        alertInformationNotice,
        alertInformationNoticePdf,
        alertEvidence,
        alertReport,
        notifications,
        newNotification,
        postNotifications,
        notification,
        postNotificationSteps,
        postNotificationAttachments,
        notificationAttachment,
        postNotificationAttachmentRemoval,
        repositories,
        repository,
        postRepositoryRecords,
        repositoryRecord,
        postRepositoryRecord,
        postQuestions,
        postQuestionAnswer,
        coordinators,
        directory,
        authority,
        health,
        metrics,
        home,
        staticFile,
        account,
        postAccountProfile,
        postAccountPassword,
        activate,
        postActivate,
        postActivateConfirm,
        signIn,
        postSignIn,
        postSignOut,
        users,
        postUsers,
        postUserOperation,
        postUserListsConfirm,
        userListsOverdue,
        privacy,
        glossary,
        requestInformationNotice,
        requestInformationNoticePdf,
        openAPIDocument,
        legalAreas,
        indicators,
        requestBlockedAccess,
        postRequestBlockedAccess,
        postRequestSteps,
        postRequestAnswers,
        requestDraft,
        postRequestDraft,
        postRequestDraftDeletion,
        postRequestDeadlineDecision,
        postRequestAllocation,
        postRequestAttachments,
        postRequestTranslations,
        requests,
        newRequest,
        postRequests,
        request,
        requestAttachment,
        requestEvidence,
        requestReport,
        rightsRequests,
        postRightsRequests,
        rightsRequestsOverdue,
        rightsRequest,
        postRightsRequestAnswer,
        rightsRequestExportPdf,
        postRightsRequestAction,
        corrections,
        postCorrectionApply,
        subjects,
        postSubjects,
        supervision,
        postSupervision,
        accessLog,
        API.requestConsents,
        API.postRequestConsents,
        API.postRequestConsentWithdrawal,
        API.postCoordinatorQuestions,
        API.coordinatorQuestions,
        API.coordinatorQuestionsInbox,
        API.coordinatorQuestion,
        API.postCoordinatorQuestionAnswer,
        API.coordinators,
        API.authorities,
        API.postAuthoritiesSearch,
        API.authority,
        API.me,
        API.patchMe,
        API.postMePassword,
        API.postActivation,
        API.postActivationConfirm,
        API.postSession,
        API.deleteSession,
        API.organisationUsers,
        API.postOrganisationUsers,
        API.postOrganisationUserListConfirmations,
        API.postUserRoles,
        API.deleteUserRole,
        API.postUserSuspension,
        API.deleteUserSuspension,
        API.postUserSecondFactorReset,
        API.userListsOverdue,
        API.requestInformationNotice,
        API.legalAreas,
        API.legalArea,
        API.memberStates,
        API.indicators,
        API.postRequestAttachments,
        API.requestAttachments,
        API.requestAttachment,
        API.requestAttachmentDescription,
        API.requestEvidence,
        API.requestReport,
        API.postRequests,
        API.requests,
        API.request,
        API.postRequestSteps,
        API.putRequestAnswer,
        API.postRequestAllocation,
        API.postRequestTranslations,
        API.postMachineTranslationCallback,
        API.postAlerts,
        API.alerts,
        API.alertRoutingRules,
        API.alertInformationNotice,
        API.alertEvidence,
        API.alertReport,
        API.measureNotifications,
        API.postMeasureNotifications,
        API.measureNotification,
        API.postMeasureNotificationSteps,
        API.postMeasureNotificationAttachments,
        API.measureNotificationAttachments,
        API.measureNotificationAttachment,
        API.deleteMeasureNotificationAttachment,
        API.repositories,
        API.repositoryRecords,
        API.postRepositoryRecords,
        API.repositoryRecord,
        API.putRepositoryRecord,
        API.putRepositoryMaintainer,
        API.putAlertRoutingRule,
        API.alert,
        API.postAlertSteps,
        API.notifications,
        API.postRequestDeadlineDecision,
        API.postRequestBlockedAccess,
        API.postRightsRequests,
        API.rightsRequests,
        API.rightsRequestsOverdue,
        API.rightsRequest,
        API.postRightsRequestAnswer,
        API.rightsRequestData,
        API.rightsRequestExport,
        API.rightsRequestExportPdf,
        API.postRightsRequestAction,
        API.corrections,
        API.postCorrectionApplication,
        API.postSubjectSearch,
        API.authoritySupervisoryExport,
    ]
}
