import Foundation

extension PDFDocument {
    /// The signature a rendered document leaves room for.
    struct SignatureField {
        /// Who signs, as readers show it.
        let signer: String
        /// Why, as readers show it.
        let reason: String
        /// The signing time written into the signature dictionary.
        let at: Date
        /// Bytes reserved for the DER-encoded CMS signature.
        let capacity: Int
    }

    /// A rendered document and, when it was rendered for signing, where the placeholders are.
    struct Rendered {
        var bytes: [UInt8]
        /// The digits inside `/ByteRange [ … ]`, to be overwritten with the same number of characters.
        let byteRange: Range<Int>?
        /// From `<` to just after `>` of `/Contents`, the only bytes the signature does not cover.
        let contents: Range<Int>?
    }

    static let byteRangeWidth = 34

    /// The PDF bytes with every page, the fonts subset to the glyphs used, the embedded files and,
    /// with `signature`, an invisible signature field with zeroed placeholders.
    func render(at date: Date, identifier: [UInt8], signature: SignatureField?) -> Rendered {
        var writer = PDFWriter()
        let catalog = writer.allocate()
        let pageTree = writer.allocate()
        let info = writer.allocate()
        let regularID = writer.allocate()
        let boldID = writer.allocate()
        var regular = FontUsage(font: fonts.regular)
        var bold = FontUsage(font: fonts.bold)
        let pageIDs = pages.map { _ in (writer.allocate(), writer.allocate()) }
        let field = signature.map { _ in (widget: writer.allocate(), value: writer.allocate()) }
        for (number, page) in pages.enumerated() {
            let (pageID, contentID) = pageIDs[number]
            var content = "0.6 G 0.5 w\n"
            for mark in page.marks + footerMarks(page: number + 1) {
                switch mark {
                case .text(let x, let y, let isBold, let size, let line):
                    let glyphs = isBold ? bold.encode(line) : regular.encode(line)
                    content +=
                        "BT /\(isBold ? "F2" : "F1") \(PDFText.number(size)) Tf 1 0 0 1 \(PDFText.number(x)) "
                        + "\(PDFText.number(y)) Tm \(glyphs) Tj ET\n"
                case .line(let x1, let y1, let x2, let y2):
                    content += "\(PDFText.number(x1)) \(PDFText.number(y1)) m \(PDFText.number(x2)) \(PDFText.number(y2)) l S\n"
                }
            }
            let annotations = number == 0 ? field.map { " /Annots [\($0.widget) 0 R]" } ?? "" : ""
            writer.object(
                pageID,
                "<< /Type /Page /Parent \(pageTree) 0 R /MediaBox [0 0 \(PDFText.number(Self.pageWidth)) \(PDFText.number(Self.pageHeight))] "
                    + "/Resources << /Font << /F1 \(regularID) 0 R /F2 \(boldID) 0 R >> >> /Contents \(contentID) 0 R\(annotations) >>")
            writer.stream(contentID, "", Array(content.utf8))
        }
        writer.object(
            pageTree, "<< /Type /Pages /Kids [\(pageIDs.map { "\($0.0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        regular.write(into: &writer, type0: regularID)
        bold.write(into: &writer, type0: boldID)
        var files: [(String, Int)] = []
        for file in embedded {
            let stream = writer.allocate()
            let specification = writer.allocate()
            writer.stream(
                stream, "/Type /EmbeddedFile /Subtype \(PDFText.name(file.mediaType)) /Params << /Size \(file.data.count) >>", file.data)
            writer.object(
                specification,
                "<< /Type /Filespec /F \(PDFText.string(file.name)) /UF \(PDFText.string(file.name)) "
                    + "/EF << /F \(stream) 0 R /UF \(stream) 0 R >> /AFRelationship /Data >>")
            files.append((file.name, specification))
        }
        var byteRange: Range<Int>?
        var contents: Range<Int>?
        var form = ""
        if let signature, let field {
            writer.object(
                field.widget,
                "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature1) /V \(field.value) 0 R /Rect [0 0 0 0] /F 132 "
                    + "/P \(pageIDs[0].0) 0 R >>")
            let start = writer.bytes.count
            let head = "\(field.value) 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange ["
            let zeros = String(repeating: "0", count: signature.capacity * 2)
            writer.object(
                field.value,
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange ["
                    + String(repeating: " ", count: Self.byteRangeWidth) + "] /Contents <\(zeros)> /M \(PDFText.date(signature.at)) "
                    + "/Name \(PDFText.string(signature.signer)) /Reason \(PDFText.string(signature.reason)) >>")
            let rangeStart = start + head.utf8.count
            byteRange = rangeStart..<rangeStart + Self.byteRangeWidth
            let contentsStart = rangeStart + Self.byteRangeWidth + "] /Contents ".utf8.count
            contents = contentsStart..<contentsStart + zeros.utf8.count + 2
            form = " /AcroForm << /Fields [\(field.widget) 0 R] /SigFlags 3 >>"
        }
        let names =
            files.isEmpty
            ? ""
            : " /Names << /EmbeddedFiles << /Names [\(files.map { "\(PDFText.string($0.0)) \($0.1) 0 R" }.joined(separator: " "))] >> >> "
                + "/AF [\(files.map { "\($0.1) 0 R" }.joined(separator: " "))]"
        writer.object(catalog, "<< /Type /Catalog /Pages \(pageTree) 0 R /Lang \(PDFText.string(language))\(form)\(names) >>")
        writer.object(
            info,
            "<< /Title \(PDFText.string(title)) /Producer (OpenIMI) /CreationDate \(PDFText.date(date)) /ModDate \(PDFText.date(date)) >>")
        return Rendered(bytes: writer.finish(root: catalog, info: info, id: identifier), byteRange: byteRange, contents: contents)
    }

    /// The footer of page `number`: the document's footer line left, "page N of M" right.
    private func footerMarks(page number: Int) -> [PDFPage.Mark] {
        let numbering = pageNumbering.replacingOccurrences(of: "{page}", with: String(number))
            .replacingOccurrences(of: "{pages}", with: String(pages.count))
        let right = Self.pageWidth - Self.margin - fonts.regular.width(of: numbering, size: 8)
        let footerLine = lines(footer, size: 8, bold: false, width: right - Self.margin - 12).first ?? ""
        return [
            .line(x1: Self.margin, y1: Self.margin - 8, x2: Self.pageWidth - Self.margin, y2: Self.margin - 8),
            .text(x: Self.margin, y: Self.margin - 20, bold: false, size: 8, footerLine),
            .text(x: right, y: Self.margin - 20, bold: false, size: 8, numbering),
        ]
    }
}
