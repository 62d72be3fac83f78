import Foundation
import Logging
import OpenIMIPDF
import OpenIMIPersistence
import OpenIMISecurity

/// Lays out and signs the platform's printed documents: the fonts they are set in and the current
/// signing key.
public struct DocumentPrinter: Sendable {
    /// The faces documents are set in, or why they could not be read.
    public let fonts: Result<PDFDocument.Fonts, FontError>
    /// Where the fonts were looked for, to name in the log.
    public let fontDirectory: String
    /// The key directory; the current key signs.
    public let keys: SigningKeyStore
    /// Logs a refusal for want of fonts.
    public let logger: Logger

    /// Creates a printer.
    public init(fonts: Result<PDFDocument.Fonts, FontError>, fontDirectory: String, keys: SigningKeyStore, logger: Logger) {
        self.fonts = fonts
        self.fontDirectory = fontDirectory
        self.keys = keys
        self.logger = logger
    }

    /// The fonts; refused before anything is logged or signed when they could not be read.
    public func requireFonts() throws -> PDFDocument.Fonts {
        switch fonts {
        case .success(let loaded): return loaded
        case .failure(let error):
            logger.error("PDF refused: no usable font", metadata: ["reason": "\(error)", "directory": "\(fontDirectory)"])
            throw EvidenceError.reportUnavailable
        }
    }

    /// `document` signed by the platform's current key, in `catalog`'s language.
    public func sign(_ document: PDFDocument, catalog: Catalog, identifier: UUID, at now: Date) throws -> [UInt8] {
        let signing = try keys.current()
        return try PDFSigner(privateKey: signing.privateKey, certificate: signing.certificate).sign(
            document, signer: catalog.text("report.signer"), reason: catalog.text("report.reason"), at: now,
            identifier: withUnsafeBytes(of: identifier.uuid) { Array($0) })
    }

    /// `report` laid out in `catalog`'s language and signed.
    public func print(_ report: PrintedReport, catalog: Catalog, identifier: UUID, at now: Date) throws -> [UInt8] {
        try sign(
            report.document(fonts: try requireFonts(), language: catalog.language.rawValue), catalog: catalog, identifier: identifier,
            at: now)
    }
}
