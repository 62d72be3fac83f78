import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// The model of the timeliness indicators page: the chosen authority or member state, a chart per
/// indicator for the last 12 months, and the form to choose another member state.
struct IndicatorsPage {
    let scope: String?
    let received: Int
    let charts: [IndicatorChart]
    let hasCharts: Bool
    let memberStates: [Option]

    struct Option {
        let code: String
        let name: String
        let selected: Bool
    }

    init(scope: String?, months: [TimelinessIndicators.Month], memberStates: [MemberState], chosen: MemberStateCode?, catalog: Catalog) {
        self.scope = scope
        received = months.reduce(0) { $0 + $1.indicators.received }
        let language = catalog.language
        self.memberStates = memberStates.map {
            Option(code: $0.code.rawValue, name: $0.name.text(in: language), selected: $0.code == chosen)
        }
        guard scope != nil else {
            charts = []
            hasCharts = false
            return
        }
        charts = [
            IndicatorChart(
                id: "received", title: catalog.text("indicators.received"), goal: nil, months: months, scale: .count, catalog: catalog
            ) { Double($0.received) },
            IndicatorChart(
                id: "accepted", title: catalog.text("indicators.accepted"), goal: catalog.text("indicators.acceptedGoal"), months: months,
                scale: .share(threshold: TimelinessIndicators.goodAcceptanceShare), catalog: catalog
            ) { $0.acceptedWithinSevenDays },
            IndicatorChart(
                id: "days", title: catalog.text("indicators.days"), goal: catalog.text("indicators.daysGoal"), months: months,
                scale: .days(threshold: TimelinessIndicators.goodAverageDays), catalog: catalog
            ) { $0.averageDaysToAnswer },
            IndicatorChart(
                id: "deadline", title: catalog.text("indicators.deadline"), goal: catalog.text("indicators.deadlineGoal"), months: months,
                scale: .share(threshold: TimelinessIndicators.goodDeadlineShare), catalog: catalog
            ) { $0.answeredByDeadline },
            IndicatorChart(
                id: "alerts-sent", title: catalog.text("indicators.alertsSent"), goal: nil, months: months, scale: .count, catalog: catalog
            ) { Double($0.alertsSent) },
            IndicatorChart(
                id: "alerts-in-time", title: catalog.text("indicators.alertsInTime"), goal: catalog.text("indicators.alertsInTimeGoal"),
                months: months, scale: .share(threshold: 1), catalog: catalog
            ) { $0.alertsSentWithinThreeDays },
        ]
        hasCharts = true
    }
}
