import Foundation

extension TrueTypeFont {
    /// The tables a PDF's embedded TrueType program needs (ISO 32000-1, 9.9); the others (names,
    /// character maps, kerning) are left out because the PDF carries its own.
    static let embeddedTables = ["cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"]

    /// A font file with the outlines of `used` glyphs only (and the glyphs they are built from);
    /// every glyph keeps its id, the others are left empty, so the PDF's glyph ids stay valid.
    public func subset(keeping used: Set<UInt16>) -> Data {
        let kept = closure(of: used.union([0]))
        let outlines = tables["glyf"].map { [UInt8]($0) } ?? []
        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        for glyph in 0..<glyphCount {
            loca.appendBigEndian(UInt32(glyf.count))
            guard kept.contains(UInt16(glyph)), let data = outline(of: glyph, in: outlines) else { continue }
            glyf.append(contentsOf: data)
            while glyf.count % 4 != 0 { glyf.append(0) }
        }
        loca.appendBigEndian(UInt32(glyf.count))
        var head = tables["head"].map { [UInt8]($0) } ?? []
        head.replaceSubrange(8..<12, with: [0, 0, 0, 0])
        head.replaceSubrange(50..<52, with: [0, 1])
        var chosen: [(String, [UInt8])] = []
        for tag in Self.embeddedTables {
            switch tag {
            case "glyf": chosen.append((tag, glyf))
            case "loca": chosen.append((tag, loca))
            case "head": chosen.append((tag, head))
            default: if let table = tables[tag] { chosen.append((tag, [UInt8](table))) }
            }
        }
        var file = Self.assemble(chosen)
        // head.checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
        let adjustment = 0xB1B0_AFBA &- Self.checksum(file[...])
        if let headOffset = Self.offset(of: "head", in: file) {
            file.replaceSubrange(headOffset + 8..<headOffset + 12, with: adjustment.bigEndianBytes)
        }
        return Data(file)
    }

    /// `glyphs` and every glyph a composite among them refers to, recursively.
    func closure(of glyphs: Set<UInt16>) -> Set<UInt16> {
        let outlines = tables["glyf"].map { [UInt8]($0) } ?? []
        var kept = Set<UInt16>()
        var pending = Array(glyphs)
        while let glyph = pending.popLast() {
            guard Int(glyph) < glyphCount, kept.insert(glyph).inserted, let data = outline(of: Int(glyph), in: outlines) else {
                continue
            }
            pending.append(contentsOf: Self.components(of: data))
        }
        return kept
    }

    private func outline(of glyph: Int, in outlines: [UInt8]) -> ArraySlice<UInt8>? {
        let start = glyphOffsets[glyph]
        let end = glyphOffsets[glyph + 1]
        guard start < end, end <= outlines.count else { return nil }
        return outlines[start..<end]
    }

    /// The glyph ids a composite glyph is assembled from (none for a simple glyph).
    static func components(of data: ArraySlice<UInt8>) -> [UInt16] {
        let reader = FontReader(Array(data))
        guard let contours = reader.i16(at: 0), contours < 0 else { return [] }
        var found: [UInt16] = []
        var offset = 10
        while let flags = reader.u16(at: offset), let glyph = reader.u16(at: offset + 2) {
            found.append(glyph)
            offset += 4 + (flags & 0x0001 != 0 ? 4 : 2)
            if flags & 0x0008 != 0 {
                offset += 2
            } else if flags & 0x0040 != 0 {
                offset += 4
            } else if flags & 0x0080 != 0 {
                offset += 8
            }
            if flags & 0x0020 == 0 { break }
        }
        return found
    }

    /// An sfnt file of `tables` (already in tag order), each 4-byte aligned and checksummed.
    static func assemble(_ tables: [(String, [UInt8])]) -> [UInt8] {
        var file: [UInt8] = []
        let count = tables.count
        var power = 1
        var log2 = 0
        while power * 2 <= count {
            power *= 2
            log2 += 1
        }
        file.appendBigEndian(UInt32(0x0001_0000))
        file.appendBigEndian(UInt16(count))
        file.appendBigEndian(UInt16(power * 16))
        file.appendBigEndian(UInt16(log2))
        file.appendBigEndian(UInt16(count * 16 - power * 16))
        var offset = 12 + 16 * count
        var bodies: [UInt8] = []
        for (tag, table) in tables {
            file.append(contentsOf: Array(tag.utf8))
            file.appendBigEndian(checksum(table[...]))
            file.appendBigEndian(UInt32(offset))
            file.appendBigEndian(UInt32(table.count))
            bodies.append(contentsOf: table)
            while bodies.count % 4 != 0 { bodies.append(0) }
            offset = 12 + 16 * count + bodies.count
        }
        return file + bodies
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var sum: UInt32 = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var word: UInt32 = 0
            for shift in 0..<4 {
                let byte = index + shift < bytes.endIndex ? bytes[index + shift] : 0
                word |= UInt32(byte) << (24 - 8 * UInt32(shift))
            }
            sum = sum &+ word
            index += 4
        }
        return sum
    }

    private static func offset(of tag: String, in file: [UInt8]) -> Int? {
        let reader = FontReader(file)
        guard let count = reader.u16(at: 4) else { return nil }
        for index in 0..<Int(count) where Array(file[12 + index * 16..<16 + index * 16]) == Array(tag.utf8) {
            return reader.u32(at: 12 + index * 16 + 8).map(Int.init)
        }
        return nil
    }
}

extension UInt32 {
    var bigEndianBytes: [UInt8] { [UInt8(self >> 24), UInt8(self >> 16 & 0xFF), UInt8(self >> 8 & 0xFF), UInt8(self & 0xFF)] }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: value.bigEndianBytes)
    }

    mutating func appendBigEndian(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }
}
