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

    /// The fonts reports are set in; refused before anything is logged or signed when they could not be read.
    public static func fonts(of platform: Platform) throws -> PDFDocument.Fonts {
        switch platform.reportFonts {
        case .success(let loaded): return loaded
        case .failure(let error):
            platform.logger.error(
                "PDF refused: no usable font", metadata: ["reason": "\(error)", "directory": "\(platform.config.fontDirectory)"])
            throw EvidenceError.reportUnavailable
        }
    }

    /// `document` signed by the platform's current key, in `catalog`'s language.
    public static func sign(_ document: PDFDocument, platform: Platform, catalog: Catalog, identifier: UUID, at now: Date) throws -> [UInt8]
    {
        let signing = try platform.keys.current()
        return try PDFSigner(privateKey: signing.privateKey, certificate: signing.certificate).sign(
            document, signer: catalog.text("report.signer"), reason: catalog.text("report.reason"), at: now,
            identifier: withUnsafeBytes(of: identifier.uuid) { Array($0) })
    }

    /// The report printed in `catalog`'s language and signed.
    public func signed(platform: Platform, catalog: Catalog, identifier: UUID, at now: Date) throws -> [UInt8] {
        try Self.sign(
            document(fonts: try Self.fonts(of: platform), language: catalog.language.rawValue), platform: platform, catalog: catalog,
            identifier: identifier, at: now)
    }
}
