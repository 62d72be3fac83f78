/// Big-endian reads from a font's bytes; every read is bounds-checked and returns nil past the end.
struct FontReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func u16(at offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= bytes.count else { return nil }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    func i16(at offset: Int) -> Int16? {
        u16(at: offset).map { Int16(bitPattern: $0) }
    }

    func u32(at offset: Int) -> UInt32? {
        guard let high = u16(at: offset), let low = u16(at: offset + 2) else { return nil }
        return UInt32(high) << 16 | UInt32(low)
    }

    func slice(at offset: Int, count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0, offset + count <= bytes.count else { return nil }
        return bytes[offset..<offset + count]
    }
}
