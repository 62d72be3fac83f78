/// Why a font cannot be used.
public enum FontError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No file at the path.
    case notFound(String)
    /// The file is not a TrueType font.
    case notTrueType
    /// A table the font needs is absent.
    case missingTable(String)
    /// A table ends before its data.
    case truncated(String)
    /// The font has no Unicode character map of a supported format (4 or 12).
    case noUnicodeMap

    /// The reason, for an operator.
    public var description: String {
        switch self {
        case .notFound(let path): "no font file at \(path)"
        case .notTrueType: "not a TrueType font"
        case .missingTable(let tag): "the font lacks its '\(tag)' table"
        case .truncated(let table): "the font's \(table) data are cut short"
        case .noUnicodeMap: "the font has no Unicode character map (cmap format 4 or 12)"
        }
    }
}
