import OpenIMIPDF
import OpenIMIPersistence

extension ExchangeReport {
    /// The report laid out as a PDF document in `fonts`, in `language`.
    public func document(fonts: PDFDocument.Fonts, language: String) -> PDFDocument {
        PrintedReport(title: title, intro: intro, sections: sections, footer: footer, pageNumbering: pageNumbering)
            .document(fonts: fonts, language: language)
    }
}
