/// One laid-out page: text and lines at absolute positions (points, origin bottom left).
struct PDFPage: Sendable {
    /// Something drawn on the page.
    enum Mark: Sendable {
        /// A line of text in the regular or bold face.
        case text(x: Double, y: Double, bold: Bool, size: Double, String)
        /// A thin rule.
        case line(x1: Double, y1: Double, x2: Double, y2: Double)
    }

    var marks: [Mark] = []
}
