import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// The model of an alert's page: what it is and where it stands; for its readers the content with
/// personal and sensitive markers, earlier versions and the language it is written in; the
/// deliveries the viewer may see; the history; and a form for each step the viewer may take.
struct AlertPage {
    struct Value {
        let label: String
        let text: String
        let personal: Bool
        let sensitive: Bool
    }

    struct Version {
        let heading: String
        let values: [Value]
    }

    struct DeliveryRow {
        let code: String
        let memberState: String
        let state: String
        let stateCode: String
        let routedTo: String
    }

    struct StepRow {
        let what: String
        let who: String
        let when: String
    }

    struct Choice {
        let name: String
        let label: String
        let checked: Bool
        let disabled: Bool
    }

    let id: String
    let number: String
    let procedure: String
    let from: String
    let state: String
    let stateCode: String
    let sent: String?
    let version: Int
    let done: String?
    let existenceOnly: Bool
    let lateWarning: String?
    let dueBy: String?
    let values: [Value]
    let hasValues: Bool
    let language: String?
    let languageCode: String?
    let versions: [Version]
    let hasVersions: Bool
    let deliveries: [DeliveryRow]
    let hasDeliveries: Bool
    let steps: [StepRow]
    let hasSteps: Bool
    // Step forms.
    let canSend: Bool
    let sendsToAll: String?
    let recipientChoices: [Choice]
    let choosesRecipients: Bool
    let recipientsError: String?
    let noticeLanguages: [SelectOption]
    let noticeLink: String?
    let noticeLinkLabel: String?
    let canAmend: Bool
    let amendInputs: [AlertFieldInput]
    let amendHasError: Bool
    let canClose: Bool
    let canWithdraw: Bool
    let canRoute: Bool
    let routeChoices: [Choice]
    let hasRouteChoices: Bool
    let routeExplain: String?
    let canAcknowledge: Bool
    let confirmError: String?
    let hasActions: Bool

    /// What the viewer may see and do, with `form` the refused form to show again.
    struct Context {
        let principal: Principal
        let names: RequestDirectory
        let states: [MemberState]
        let routable: [Authority]
        let catalog: Catalog
        let language: Language
        let time: LocalTime
        let now: Date
        let form: FormEcho?
        let done: String?
        /// The languages a notice can be given in, and the one offered first.
        let languages: [Language]
        let defaultNoticeLanguage: Language
    }

    init(view: AlertView, actions: [AlertAction], template: AlertTemplate?, context: Context) {
        let catalog = context.catalog
        let names = context.names
        let stateNames = Dictionary(uniqueKeysWithValues: context.states.map { ($0.code, $0.name.text(in: context.language)) })
        let ownState = context.principal.organisation.memberState
        let existence: AlertExistence
        var alert: Alert?
        switch view {
        case .full(let full):
            alert = full
            existence = AlertExistence(full, for: ownState)
        case .existence(let shown):
            existence = shown
        }
        id = existence.id.description
        number = existence.number.description
        procedure = names.procedureName(existence.procedure.rawValue)
        from = names.name(existence.sender)
        state = catalog.text("alertState.\(existence.state.rawValue)")
        stateCode = existence.state.rawValue
        sent = existence.sentAt.map(context.time.minute)
        version = existence.version
        done = context.done.map { catalog.text("alerts.done.\($0)") }
        existenceOnly = alert == nil
        let form = context.form

        func rendered(_ content: AlertContent) -> [Value] {
            (template?.labelled(content.values, in: context.language) ?? []).map {
                Value(label: $0.label, text: $0.text, personal: $0.field.personalData, sensitive: $0.field.sensitive)
            }
        }
        if let alert {
            values = rendered(alert.content)
            language = catalog.text("translation.inLanguage", ["language": catalog.text("languageName.\(alert.content.language.rawValue)")])
            languageCode = alert.content.language.rawValue
            versions = alert.contents.dropLast().reversed().map { content in
                Version(
                    heading: catalog.text(
                        "alert.versionOf", ["at": context.time.minute(content.at), "by": names.name(content.by.organisationID)]),
                    values: rendered(content))
            }
            let decision = template.flatMap { alert.decisionDay(template: $0) }
            if alert.state == .draft, let decision {
                let values = [
                    "decided": DateText.day(decision),
                    "deadline": context.time.minute(AlertTimeliness.sendingDeadline(decisionDay: decision)),
                ]
                let late = AlertTimeliness.isLate(decisionDay: decision, at: context.now)
                lateWarning = late ? catalog.text("alert.late", values) : nil
                dueBy = late ? nil : catalog.text("alert.dueBy", values)
            } else {
                lateWarning = nil
                dueBy = nil
            }
        } else {
            values = []
            language = nil
            languageCode = nil
            versions = []
            lateWarning = nil
            dueBy = nil
        }
        hasValues = !values.isEmpty
        hasVersions = !versions.isEmpty

        // The sender sees every state's delivery; a recipient only its own.
        let isSender = context.principal.organisation.id.uuid == existence.sender
        let shownDeliveries: [(MemberStateCode, AlertDelivery)] =
            if let alert, isSender { alert.deliveries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } } else {
                existence.delivery.map { [($0.memberState, $0.delivery)] } ?? []
            }
        deliveries = shownDeliveries.map { state, delivery in
            DeliveryRow(
                code: state.rawValue, memberState: stateNames[state] ?? state.rawValue,
                state: catalog.text("alertDelivery.\(delivery.state.rawValue)"),
                stateCode: delivery.state.rawValue,
                routedTo: delivery.routedTo.map { id in
                    names.name(id) + (delivery.acknowledgedBy.contains(id) ? " ✓" : "")
                }.sorted().joined(separator: "; "))
        }
        hasDeliveries = !deliveries.isEmpty
        steps = (alert?.steps ?? []).map { step in
            let action = step.automatic ? "routeAutomatically" : step.action?.rawValue ?? "create"
            let what =
                step.memberState.map {
                    catalog.text("alertAction.\(action)In", ["state": stateNames[$0] ?? $0.rawValue])
                } ?? catalog.text("alertAction.\(action)")
            return StepRow(
                what: what, who: "\(names.userName(step.actor.userID.uuid)), \(names.name(step.actor.organisationID))",
                when: context.time.minute(step.at))
        }

        hasSteps = !steps.isEmpty
        canSend = actions.contains(.send)
        let recipients = template?.recipients ?? .allOtherStates
        let others = context.states.filter { $0.code != existence.senderState }
        sendsToAll =
            canSend && recipients == .allOtherStates ? catalog.text("alert.send.allStates", ["count": String(others.count)]) : nil
        recipientChoices =
            canSend && recipients == .chosenStatesAndCommission
            ? others.map { state in
                Choice(
                    name: "recipient.\(state.code.rawValue)", label: state.name.text(in: context.language),
                    checked: form?.values["recipient.\(state.code.rawValue)"] != nil, disabled: false)
            } : []
        choosesRecipients = !recipientChoices.isEmpty
        recipientsError = form?.messages["recipients"]
        let chosenNotice = form?.values["noticeLanguage"] ?? context.defaultNoticeLanguage.rawValue
        noticeLanguages =
            canSend
            ? context.languages.map {
                SelectOption(code: $0.rawValue, name: catalog.text("languageName.\($0.rawValue)"), selected: $0.rawValue == chosenNotice)
            } : []
        if let alert, isSender, alert.state != .draft {
            let language = alert.noticeLanguage ?? context.language
            noticeLink = Site.alertInformationNotice.link(alert.id.description, query: "language=\(language.rawValue)")
            noticeLinkLabel = catalog.text("alert.notice.link", ["language": catalog.text("languageName.\(language.rawValue)")])
        } else {
            noticeLink = nil
            noticeLinkLabel = nil
        }
        canAmend = actions.contains(.amend)
        amendInputs =
            if canAmend, let alert, let template {
                AlertFieldInput.inputs(of: template, values: alert.content.values, language: context.language, form: form)
            } else { [] }
        amendHasError = amendInputs.contains { $0.error != nil }
        canClose = actions.contains(.close)
        canWithdraw = actions.contains(.withdraw)
        canRoute = actions.contains(.route)
        let delivery = existence.delivery?.delivery
        routeChoices =
            canRoute
            ? context.routable.filter { $0.legalAreas.contains(existence.legalArea.rawValue) }.map { authority in
                let routed = delivery?.routedTo.contains(authority.id.uuid) == true
                return Choice(
                    name: "authority.\(authority.id.uuid.uuidString.lowercased())", label: authority.name.text(in: context.language),
                    checked: routed || form?.values["authority.\(authority.id.uuid.uuidString.lowercased())"] != nil, disabled: routed)
            } : []
        hasRouteChoices = !routeChoices.isEmpty
        routeExplain = canRoute ? catalog.text("alert.route.explain", ["state": ownState.flatMap { stateNames[$0] } ?? ""]) : nil
        canAcknowledge = actions.contains(.acknowledge)
        confirmError = form?.messages["confirm"]
        hasActions = !actions.isEmpty
    }
}
