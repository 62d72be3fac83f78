import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

/// The home page: for a visitor, what OpenIMI is; for a signed-in user, what needs their action.
struct HomeController: Sendable {
    let views: ViewRenderer
    let catalogs: Catalogs
    let clock: any AppClock
    let database: any Database
    let requests: RequestService
    let identity: IdentityService
    let coordinatorQuestions: CoordinatorQuestionService
    let rightsRegister: RightsRegister
    let alerts: AlertService
    /// Notifications, for the home page's count of those received.
    let notifications: MeasureNotificationService

    func addRoutes(to routes: Routes) {
        routes.public(Site.home, use: home)
    }

    private struct Empty {}

    /// `GET /`.
    func home(_ request: Request, _ context: AppRequestContext) async throws -> some ResponseGenerator {
        let catalog = catalogs.catalog(for: context.language)
        guard let session = context.session else {
            return views.render("home", title: catalog.text("home.title"), page: Empty(), request: request, context: context)
        }
        let page = try await workPage(session.principal, catalog: catalog, language: context.language)
        return views.render("work", title: catalog.text("work.title"), page: page, request: request, context: context)
    }

    /// The counts of the principal's work, each read only where their roles reach.
    private func workPage(_ principal: Principal, catalog: Catalog, language: Language) async throws -> WorkPage {
        let workspace = Workspace(of: principal)
        let now = clock.now()
        let workload = workspace.seesRequests ? try await requests.workload(of: principal, now: now) : nil
        var duties: [(id: String, count: Int, href: String)] = []
        if workspace.seesRequests, principal.organisation.kind == .authority {
            let open = try await requests.corrections(for: principal).filter { $0.appliedAt == nil }.count
            duties.append(("corrections", open, Site.corrections.link()))
        }
        if principal.organisation.kind == .authority {
            let answered = try await coordinatorQuestions.asked(by: principal).filter { $0.answer != nil }.count
            duties.append(("questionsAnswered", answered, Site.questions.link()))
        }
        if workspace.keepsRightsRegister, principal.organisation.kind == .authority {
            // Unanswered entries within a week of their 30 days, or past them.
            let soon = RightsRequest.day(of: now.addingTimeInterval(7 * 86_400))
            let due = try await rightsRegister.entries(by: principal).filter { !$0.status.isHandled && $0.dueOn <= soon }.count
            duties.append(("rightsDue", due, Site.rightsRequests.link()))
        }
        if workspace.seesOverdueUserLists, let state = principal.organisation.memberState {
            let lists = try await identity.overdueUserLists(of: state, by: principal, now: now).count
            duties.append(("userListsOverdue", lists, Site.userListsOverdue.link()))
            let rights = try await rightsRegister.overdue(by: principal, now: now).count
            duties.append(("rightsOverdue", rights, Site.rightsRequestsOverdue.link()))
        }
        if workspace.seesAlerts {
            let work = try await alerts.workload(of: principal, now: now)
            for (id, count) in [
                ("alertsToRoute", work.toRoute), ("alertsToAcknowledge", work.toAcknowledge), ("alertDrafts", work.drafts),
                ("alertDraftsOverdue", work.lateDrafts),
            ] {
                if let count { duties.append((id, count, Site.alerts.link())) }
            }
        }
        if workspace.seesNotifications {
            let received = try await notifications.receivedCount(of: principal, since: now.addingTimeInterval(-30 * 86_400))
            duties.append(("notificationsReceived", received, Site.notifications.link()))
        }
        if workspace.managesUsers, principal.organisation.kind == .authority {
            let status = try await identity.userListStatus(of: principal.organisation, now: now)
            duties.append(("userListDue", status.isOverdue ? 1 : 0, Site.users.link()))
        }
        let names = try await RequestDirectory.load(
            Set([principal.organisation.id.uuid].compactMap { $0 }), areas: [], database: database, language: language)
        return WorkPage(
            principal: principal, organisationName: principal.organisation.id.uuid.map(names.name) ?? "—", workload: workload,
            duties: duties, catalog: catalog)
    }
}
