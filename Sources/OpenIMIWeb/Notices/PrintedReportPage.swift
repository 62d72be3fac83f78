import OpenIMIApplication

/// A printed report shown as a web page, with a link to its signed PDF.
struct PrintedReportPage {
    struct Row {
        let label: String?
        let value: String
        let bold: Bool
    }

    struct Section {
        let title: String
        let rows: [Row]
    }

    let intro: String
    let sections: [Section]
    let pdfLink: String

    init(_ report: PrintedReport, pdfLink: String) {
        intro = report.intro
        self.pdfLink = pdfLink
        sections = report.sections.map { section in
            Section(
                title: section.title,
                rows: section.rows.map { row in
                    switch row {
                    case .field(let label, let value, _): Row(label: label, value: value, bold: false)
                    case .paragraph(let text, let bold): Row(label: nil, value: text, bold: bold)
                    }
                })
        }
    }
}
