import Foundation
import Testing

@testable import OpenIMIPDF

/// DejaVu Sans as the reports use it: Unicode glyph lookup across scripts, widths, and subsets
/// that keep composite glyphs whole.
@Suite struct TrueTypeFontTests {
    static let directory = ProcessInfo.processInfo.environment["OPENIMI_FONT_DIRECTORY"] ?? PDFDocument.Fonts.defaultDirectory

    static func regular() throws -> TrueTypeFont {
        try TrueTypeFont(contentsOf: "\(directory)/\(PDFDocument.Fonts.regularFile)")
    }

    @Test func latinGreekAndCyrillicLettersHaveGlyphs() throws {
        let font = try Self.regular()
        #expect(font.postScriptName == "DejaVuSans")
        for scalar in "AæøåčšžΩλЖщ€".unicodeScalars {
            #expect(font.glyph(for: scalar) != 0, "no glyph for \(scalar)")
        }
        // A private-use code point has no glyph and falls back to glyph 0.
        #expect(font.glyph(for: "\u{E000}") == 0)
        #expect(font.width(of: font.glyph(for: "i")) < font.width(of: font.glyph(for: "W")))
        #expect(font.width(of: "WWW", size: 10) > font.width(of: "iii", size: 10))
    }

    @Test func aMissingOrForeignFileIsNamed() {
        #expect(throws: FontError.notFound("/nonexistent/DejaVuSans.ttf")) {
            try TrueTypeFont(contentsOf: "/nonexistent/DejaVuSans.ttf")
        }
        #expect(throws: FontError.notTrueType) { try TrueTypeFont(data: Data("%PDF-1.7 not a font".utf8)) }
        #expect(throws: FontError.truncated("table directory")) { try TrueTypeFont(data: Data([0, 1, 0, 0, 0, 9])) }
        #expect(throws: FontError.notFound("/nonexistent/DejaVuSans.ttf")) { try PDFDocument.Fonts.dejaVu(in: "/nonexistent/") }
    }

    @Test func aSubsetKeepsUsedGlyphsAndTheirComponentsOnly() throws {
        let font = try Self.regular()
        let outlines = [UInt8](font.tables["glyf"]!)
        // Find a composite among the letters a report uses (accented letters usually are).
        let composite = "čšžåøæéÅ".unicodeScalars.map(font.glyph(for:)).first { glyph in
            let start = font.glyphOffsets[Int(glyph)]
            let end = font.glyphOffsets[Int(glyph) + 1]
            return !TrueTypeFont.components(of: outlines[start..<end]).isEmpty
        }
        let accented = try #require(composite)
        let start = font.glyphOffsets[Int(accented)]
        let components = TrueTypeFont.components(of: outlines[start..<font.glyphOffsets[Int(accented) + 1]])
        let subset = [UInt8](font.subset(keeping: [accented]))
        #expect(TrueTypeFont.checksum(subset[...]) == 0xB1B0_AFBA)
        #expect(subset.count < outlines.count / 10)
        let kept = Self.glyphLengths(subset)
        #expect(kept.count == font.glyphCount)
        #expect(kept[Int(accented)] > 0)
        for component in components { #expect(kept[Int(component)] > 0) }
        let unused = font.glyph(for: "Ж")
        #expect(kept[Int(unused)] == 0)
    }

    /// The length of each glyph's outline in a subset, read from its long `loca` table.
    static func glyphLengths(_ file: [UInt8]) -> [Int] {
        let reader = FontReader(file)
        let count = Int(reader.u16(at: 4)!)
        var loca: (offset: Int, length: Int) = (0, 0)
        for index in 0..<count where String(decoding: file[12 + index * 16..<16 + index * 16], as: UTF8.self) == "loca" {
            loca = (Int(reader.u32(at: 12 + index * 16 + 8)!), Int(reader.u32(at: 12 + index * 16 + 12)!))
        }
        let offsets = (0..<loca.length / 4).map { Int(reader.u32(at: loca.offset + $0 * 4)!) }
        return zip(offsets, offsets.dropFirst()).map { $1 - $0 }
    }
}
