import Foundation

/// A TrueType font read from its file: what a PDF needs to embed it as a Unicode font (glyph ids,
/// advance widths, metrics) and the tables a subset is cut from.
public struct TrueTypeFont: Sendable {
    /// The PostScript name, e.g. "DejaVuSans".
    public let postScriptName: String
    /// Font units per em.
    public let unitsPerEm: Int
    /// Typographic ascent and descent in font units.
    public let ascent: Int
    /// Descent, negative below the baseline.
    public let descent: Int
    /// Height of capital letters in font units.
    public let capHeight: Int
    /// The bounding box of all glyphs: xMin, yMin, xMax, yMax.
    public let boundingBox: [Int]
    /// Number of glyphs.
    public let glyphCount: Int
    /// Advance width of each glyph, in font units.
    let advances: [UInt16]
    /// Unicode scalar to glyph id.
    let glyphs: [UInt32: UInt16]
    /// The raw tables by tag.
    let tables: [String: Data]
    /// Byte offset of each glyph in `glyf`, `glyphCount + 1` entries.
    let glyphOffsets: [Int]

    /// Reads the font in `data`.
    public init(data: Data) throws(FontError) {
        let bytes = [UInt8](data)
        let reader = FontReader(bytes)
        guard let version = reader.u32(at: 0), version == 0x0001_0000 || version == 0x7472_7565,
            let tableCount = reader.u16(at: 4)
        else { throw .notTrueType }
        var tables: [String: Data] = [:]
        for index in 0..<Int(tableCount) {
            let record = 12 + index * 16
            guard let tagBytes = reader.slice(at: record, count: 4), let offset = reader.u32(at: record + 8),
                let length = reader.u32(at: record + 12), let table = reader.slice(at: Int(offset), count: Int(length))
            else { throw .truncated("table directory") }
            tables[String(decoding: tagBytes, as: UTF8.self)] = Data(table)
        }
        for required in ["head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf"] where tables[required] == nil {
            throw .missingTable(required)
        }
        let head = FontReader([UInt8](tables["head"]!))
        let hhea = FontReader([UInt8](tables["hhea"]!))
        let maxp = FontReader([UInt8](tables["maxp"]!))
        guard let unitsPerEm = head.u16(at: 18), unitsPerEm > 0, let xMin = head.i16(at: 36), let yMin = head.i16(at: 38),
            let xMax = head.i16(at: 40), let yMax = head.i16(at: 42), let locFormat = head.i16(at: 50),
            let ascent = hhea.i16(at: 4), let descent = hhea.i16(at: 6), let metricCount = hhea.u16(at: 34),
            let glyphCount = maxp.u16(at: 4)
        else { throw .truncated("head, hhea or maxp") }
        self.unitsPerEm = Int(unitsPerEm)
        self.ascent = Int(ascent)
        self.descent = Int(descent)
        boundingBox = [Int(xMin), Int(yMin), Int(xMax), Int(yMax)]
        self.glyphCount = Int(glyphCount)
        advances = try Self.advances(FontReader([UInt8](tables["hmtx"]!)), metrics: Int(metricCount), glyphs: Int(glyphCount))
        glyphOffsets = try Self.offsets(FontReader([UInt8](tables["loca"]!)), long: locFormat == 1, glyphs: Int(glyphCount))
        glyphs = try CharacterMap.parse(FontReader([UInt8](tables["cmap"]!)))
        capHeight = tables["OS/2"].flatMap { FontReader([UInt8]($0)).i16(at: 88) }.map(Int.init) ?? Int(ascent)
        postScriptName = tables["name"].flatMap { Self.postScriptName(FontReader([UInt8]($0))) } ?? "Font"
        self.tables = tables
    }

    /// Reads the font file at `path`.
    public init(contentsOf path: String) throws(FontError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .notFound(path) }
        try self.init(data: data)
    }

    /// The glyph drawing `scalar`, or 0 (the "missing" glyph) when the font has none.
    public func glyph(for scalar: Unicode.Scalar) -> UInt16 {
        glyphs[scalar.value] ?? 0
    }

    /// The advance width of `glyph` in thousandths of the font size, as PDF widths are given.
    public func width(of glyph: UInt16) -> Int {
        let advance = Int(advances[min(Int(glyph), advances.count - 1)])
        return (advance * 1000 + unitsPerEm / 2) / unitsPerEm
    }

    /// The width of `text` set at `size` points.
    public func width(of text: String, size: Double) -> Double {
        var total = 0
        for scalar in text.unicodeScalars { total += width(of: glyph(for: scalar)) }
        return Double(total) * size / 1000
    }

    private static func advances(_ reader: FontReader, metrics: Int, glyphs: Int) throws(FontError) -> [UInt16] {
        guard metrics > 0 else { throw .truncated("hmtx") }
        var advances: [UInt16] = []
        advances.reserveCapacity(glyphs)
        for index in 0..<metrics {
            guard let advance = reader.u16(at: index * 4) else { throw .truncated("hmtx") }
            advances.append(advance)
        }
        // Glyphs past the last metric share its advance (monospaced tails).
        while advances.count < glyphs { advances.append(advances[metrics - 1]) }
        return advances
    }

    private static func offsets(_ reader: FontReader, long: Bool, glyphs: Int) throws(FontError) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(glyphs + 1)
        for index in 0...glyphs {
            if long {
                guard let offset = reader.u32(at: index * 4) else { throw .truncated("loca") }
                offsets.append(Int(offset))
            } else {
                guard let offset = reader.u16(at: index * 2) else { throw .truncated("loca") }
                offsets.append(Int(offset) * 2)
            }
        }
        return offsets
    }

    /// Name id 6 from a Macintosh (1, 0) or Windows (3, 1) record.
    private static func postScriptName(_ reader: FontReader) -> String? {
        guard let count = reader.u16(at: 2), let storage = reader.u16(at: 4) else { return nil }
        for index in 0..<Int(count) {
            let record = 6 + index * 12
            guard let platform = reader.u16(at: record), let nameID = reader.u16(at: record + 6),
                let length = reader.u16(at: record + 8), let offset = reader.u16(at: record + 10), nameID == 6,
                let bytes = reader.slice(at: Int(storage) + Int(offset), count: Int(length))
            else { continue }
            let name =
                platform == 3
                ? String(
                    decoding: stride(from: 0, to: bytes.count - 1, by: 2).map {
                        UInt16(bytes[bytes.startIndex + $0]) << 8 | UInt16(bytes[bytes.startIndex + $0 + 1])
                    }, as: UTF16.self)
                : String(decoding: bytes, as: UTF8.self)
            let clean = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}
