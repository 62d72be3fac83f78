import Foundation
import OpenIMIPDF
import OpenIMIPersistence

/// A document the platform prints and signs: the exchange report, a person's data export, an
/// information notice. Titled sections of labelled values and paragraphs, in one language.
public struct PrintedReport {
    /// The document's title.
    public let title: String
    /// The paragraph under the title.
    public let intro: String
    /// Its sections, in order.
    public let sections: [ExchangeReport.Section]
    /// The text at the foot of every page.
    public let footer: String
    /// How pages are numbered, in the reader's language.
    public let pageNumbering: String

    /// The report laid out as a PDF document in `fonts`, in `language`.
    public func document(fonts: PDFDocument.Fonts, language: String) -> PDFDocument {
        var document = PDFDocument(fonts: fonts, title: title, language: language, footer: footer, pageNumbering: pageNumbering)
        document.titleBlock(title)
        document.paragraph(intro)
        for section in sections {
            document.heading(section.title)
            for row in section.rows {
                switch row {
                case .field(let label, let value, let small): document.field(label, value, small: small)
                case .paragraph(let text, let bold):
                    document.space(2)
                    document.paragraph(text, bold: bold)
                }
            }
        }
        return document
    }
}
