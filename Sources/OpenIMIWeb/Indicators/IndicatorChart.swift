import Foundation
import OpenIMIApplication
import OpenIMIDomain

/// One indicator month by month as an SVG bar chart drawn by the server, with the scoreboard's
/// threshold as a line, and the same figures as a table for screen readers and print.
struct IndicatorChart {
    let id: String
    let title: String
    let goal: String?
    let bars: [Bar]
    let hasThreshold: Bool
    let thresholdY: Double
    let thresholdLabel: String
    let axisTop: String
    let summary: String

    /// One month's bar; `hasValue` is false for a month without the figure.
    struct Bar {
        let x: Double
        let y: Double
        let width: Double
        let height: Double
        let labelX: Double
        let valueY: Double
        let month: String
        let year: String?
        let value: String
        let hasValue: Bool
        let good: Bool
    }

    /// The drawing area inside the 640 × 240 view box.
    static let left = 44.0, right = 630.0, top = 18.0, bottom = 196.0

    /// The kinds of figures a chart shows.
    enum Scale {
        /// A share, drawn from 0 to 100 %.
        case share(threshold: Double)
        /// Days, drawn from 0 to the larger of the data and the threshold, and a little more.
        case days(threshold: Double)
        /// A count.
        case count
    }

    init(
        id: String, title: String, goal: String?, months: [TimelinessIndicators.Month], scale: Scale, catalog: Catalog,
        value: (TimelinessIndicators) -> Double?
    ) {
        self.id = id
        self.title = title
        self.goal = goal
        let values = months.map { value($0.indicators) }
        let present = values.compactMap { $0 }
        let maximum: Double
        let threshold: Double?
        switch scale {
        case .share(let line):
            maximum = 1
            threshold = line
        case .days(let line):
            maximum = max(present.max() ?? 0, line) * 1.15
            threshold = line
        case .count:
            maximum = max(present.max() ?? 0, 1)
            threshold = nil
        }
        func text(_ number: Double) -> String { Self.format(number, scale: scale, language: catalog.language) }
        let slot = (Self.right - Self.left) / Double(max(months.count, 1))
        let width = slot * 0.64
        bars = zip(months.indices, zip(months, values)).map { index, entry in
            let (month, number) = entry
            let height = number.map { ($0 / maximum) * (Self.bottom - Self.top) } ?? 0
            let x = Self.left + Double(index) * slot + (slot - width) / 2
            let good: Bool =
                switch scale {
                case .share(let line): (number ?? 0) >= line
                case .days(let line): (number ?? .infinity) < line
                case .count: true
                }
            return Bar(
                x: x, y: Self.bottom - height, width: width, height: height, labelX: x + width / 2,
                valueY: max(Self.top + 10, Self.bottom - height - 4), month: String(format: "%02d", month.month),
                year: index == 0 || month.month == 1 ? String(month.year) : nil, value: number.map(text) ?? "–",
                hasValue: number != nil, good: good)
        }
        hasThreshold = threshold != nil
        thresholdY = threshold.map { Self.bottom - ($0 / maximum) * (Self.bottom - Self.top) } ?? 0
        thresholdLabel = threshold.map(text) ?? ""
        axisTop = text(maximum)
        summary = catalog.text(
            "indicators.chartSummary",
            [
                "title": title, "months": String(months.count),
                "values": zip(months, values).map {
                    "\($0.0.year)-\(String(format: "%02d", $0.0.month)): \($0.1.map(text) ?? "–")"
                }.joined(separator: "; "),
            ])
    }

    /// A share as "83 %", days with one decimal in the reader's notation, a count as it is.
    static func format(_ number: Double, scale: Scale, language: Language) -> String {
        switch scale {
        case .share: return "\(Int((number * 100).rounded())) %"
        case .days:
            let text = String(format: "%.1f", number)
            return language == .en ? text : text.replacingOccurrences(of: ".", with: ",")
        case .count: return String(Int(number.rounded()))
        }
    }
}
