/// The glyphs one face draws in a document, collected while its text is encoded, and the PDF
/// objects that embed that face: a Type 0 font over a CIDFontType2 with Identity-H encoding (2-byte
/// glyph ids), its widths, a subset of the TrueType program and a ToUnicode map for text extraction.
struct FontUsage {
    let font: TrueTypeFont
    private(set) var text: [UInt16: String] = [:]

    init(font: TrueTypeFont) {
        self.font = font
    }

    /// `line` as a hexadecimal string of glyph ids, noting which text each glyph stands for.
    mutating func encode(_ line: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.unicodeScalars.count * 2)
        for scalar in line.unicodeScalars {
            let drawn: Unicode.Scalar = scalar.properties.generalCategory == .control ? " " : scalar
            let glyph = font.glyph(for: drawn)
            if glyph != 0 && text[glyph] == nil { text[glyph] = String(drawn) }
            bytes.append(UInt8(glyph >> 8))
            bytes.append(UInt8(glyph & 0xFF))
        }
        return "<\(PDFText.hex(bytes))>"
    }

    /// A subset tag of six capital letters derived from the glyphs kept (ISO 32000-1, 9.6.4).
    var subsetName: String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for glyph in text.keys.sorted() {
            hash = (hash ^ UInt64(glyph)) &* 0x0000_0100_0000_01B3
        }
        var tag = ""
        for _ in 0..<6 {
            tag.unicodeScalars.append(Unicode.Scalar(UInt8(65 + hash % 26)))
            hash /= 26
        }
        return "\(tag)+\(font.postScriptName)"
    }

    /// Writes the face's objects; `type0` is the number pages refer to.
    func write(into writer: inout PDFWriter, type0: Int) {
        let descendant = writer.allocate()
        let descriptor = writer.allocate()
        let program = writer.allocate()
        let toUnicode = writer.allocate()
        let name = PDFText.name(subsetName)
        writer.object(
            type0,
            "<< /Type /Font /Subtype /Type0 /BaseFont \(name) /Encoding /Identity-H /DescendantFonts [\(descendant) 0 R] "
                + "/ToUnicode \(toUnicode) 0 R >>")
        let widths = text.keys.sorted().map { "\($0) [\(font.width(of: $0))]" }.joined(separator: " ")
        writer.object(
            descendant,
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont \(name) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
                + "/Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW \(font.width(of: 0)) /W [\(widths)] /CIDToGIDMap /Identity >>")
        func scaled(_ value: Int) -> Int { value * 1000 / font.unitsPerEm }
        writer.object(
            descriptor,
            "<< /Type /FontDescriptor /FontName \(name) /Flags 32 /FontBBox [\(font.boundingBox.map(scaled).map(String.init).joined(separator: " "))] "
                + "/ItalicAngle 0 /Ascent \(scaled(font.ascent)) /Descent \(scaled(font.descent)) /CapHeight \(scaled(font.capHeight)) "
                + "/StemV 80 /FontFile2 \(program) 0 R >>")
        let subset = [UInt8](font.subset(keeping: Set(text.keys)))
        writer.stream(program, "/Length1 \(subset.count)", subset)
        writer.stream(toUnicode, "", Array(unicodeMap.utf8))
    }

    /// The ToUnicode CMap: each glyph to the UTF-16 text it draws, in blocks of at most 100.
    private var unicodeMap: String {
        var map = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
        let entries = text.sorted { $0.key < $1.key }
        for start in stride(from: 0, to: entries.count, by: 100) {
            let block = entries[start..<min(start + 100, entries.count)]
            map += "\(block.count) beginbfchar\n"
            for (glyph, string) in block {
                let units = string.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
                map += "<\(PDFText.hex([UInt8(glyph >> 8), UInt8(glyph & 0xFF)]))> <\(PDFText.hex(units))>\n"
            }
            map += "endbfchar\n"
        }
        map += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return map
    }
}
