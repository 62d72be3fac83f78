/// Reads a font's `cmap` table into a Unicode-scalar-to-glyph map: format 12 (all planes) where the
/// font has it, else format 4 (the Basic Multilingual Plane).
enum CharacterMap {
    static func parse(_ cmap: FontReader) throws(FontError) -> [UInt32: UInt16] {
        guard let count = cmap.u16(at: 2) else { throw .truncated("cmap") }
        var format4: Int?
        var format12: Int?
        for index in 0..<Int(count) {
            let record = 4 + index * 8
            guard let platform = cmap.u16(at: record), let encoding = cmap.u16(at: record + 2),
                let offset = cmap.u32(at: record + 4), let format = cmap.u16(at: Int(offset))
            else { throw .truncated("cmap") }
            let unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            if unicode && format == 12 { format12 = Int(offset) }
            if unicode && format == 4 { format4 = Int(offset) }
        }
        if let offset = format12 { return try groups(cmap, at: offset) }
        if let offset = format4 { return try segments(cmap, at: offset) }
        throw .noUnicodeMap
    }

    private static func segments(_ cmap: FontReader, at table: Int) throws(FontError) -> [UInt32: UInt16] {
        guard let doubled = cmap.u16(at: table + 6) else { throw .truncated("cmap format 4") }
        let segments = Int(doubled) / 2
        let ends = table + 14
        let starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments
        let rangeOffsets = deltas + 2 * segments
        var map: [UInt32: UInt16] = [:]
        for segment in 0..<segments {
            guard let end = cmap.u16(at: ends + 2 * segment), let start = cmap.u16(at: starts + 2 * segment),
                let delta = cmap.u16(at: deltas + 2 * segment), let rangeOffset = cmap.u16(at: rangeOffsets + 2 * segment)
            else { throw .truncated("cmap format 4") }
            guard start <= end else { continue }
            for code in UInt32(start)...UInt32(end) where code != 0xFFFF {
                var glyph: UInt16
                if rangeOffset == 0 {
                    glyph = UInt16(truncatingIfNeeded: code &+ UInt32(delta))
                } else {
                    let address = rangeOffsets + 2 * segment + Int(rangeOffset) + 2 * Int(code - UInt32(start))
                    guard let stored = cmap.u16(at: address) else { throw .truncated("cmap format 4") }
                    glyph = stored == 0 ? 0 : stored &+ delta
                }
                if glyph != 0 { map[code] = glyph }
            }
        }
        return map
    }

    private static func groups(_ cmap: FontReader, at table: Int) throws(FontError) -> [UInt32: UInt16] {
        guard let count = cmap.u32(at: table + 12) else { throw .truncated("cmap format 12") }
        var map: [UInt32: UInt16] = [:]
        for group in 0..<Int(count) {
            let record = table + 16 + group * 12
            guard let start = cmap.u32(at: record), let end = cmap.u32(at: record + 4), let first = cmap.u32(at: record + 8),
                start <= end, end <= 0x10FFFF
            else { throw .truncated("cmap format 12") }
            for code in start...end { map[code] = UInt16(truncatingIfNeeded: first + (code - start)) }
        }
        return map
    }
}
