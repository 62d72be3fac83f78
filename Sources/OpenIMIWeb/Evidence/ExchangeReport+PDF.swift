import OpenIMIPDF

extension ExchangeReport {
    /// The report laid out as a PDF document in `fonts`, in `language`.
    func document(fonts: PDFDocument.Fonts, language: String) -> PDFDocument {
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
