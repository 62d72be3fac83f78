import Foundation

/// A text document laid out on A4 pages as it is written: headings, paragraphs wrapped to the
/// width, label–value rows, rules and embedded files. Text of any script the fonts cover (DejaVu
/// Sans covers Latin, Greek and Cyrillic) is embedded as Unicode, so it can be searched and copied.
public struct PDFDocument: Sendable {
    /// The regular and bold faces the document is set in.
    public struct Fonts: Sendable {
        /// Body text.
        public let regular: TrueTypeFont
        /// Headings and labels.
        public let bold: TrueTypeFont

        /// Pairs the two faces.
        public init(regular: TrueTypeFont, bold: TrueTypeFont) {
            self.regular = regular
            self.bold = bold
        }
    }

    /// A file carried inside the PDF (ISO 32000-1, 7.11.4), e.g. machine-readable evidence.
    public struct EmbeddedFile: Sendable {
        /// The file name shown by readers.
        public let name: String
        /// Its media type.
        public let mediaType: String
        /// Its content.
        public let data: [UInt8]

        /// Describes the file.
        public init(name: String, mediaType: String, data: [UInt8]) {
            self.name = name
            self.mediaType = mediaType
            self.data = data
        }
    }

    static let pageWidth = 595.28
    static let pageHeight = 841.89
    static let margin = 56.0
    static let labelWidth = 150.0

    let fonts: Fonts
    /// The document's title (metadata and first heading).
    public let title: String
    /// The BCP 47 language of the document's own text.
    public let language: String
    /// A line printed at the foot of every page next to its number.
    public let footer: String
    /// The "page N of M" pattern of the footer, with `{page}` and `{pages}`.
    public let pageNumbering: String
    var pages: [PDFPage] = [PDFPage()]
    var cursor = PDFDocument.pageHeight - PDFDocument.margin
    var embedded: [EmbeddedFile] = []

    /// Starts an empty document.
    public init(fonts: Fonts, title: String, language: String, footer: String, pageNumbering: String) {
        self.fonts = fonts
        self.title = title
        self.language = language
        self.footer = footer
        self.pageNumbering = pageNumbering
    }

    private var textWidth: Double { Self.pageWidth - 2 * Self.margin }

    /// The document's title, large and bold.
    public mutating func titleBlock(_ text: String) {
        write(text, size: 16, bold: true, indent: 0, width: textWidth, after: 8)
    }

    /// A section heading.
    public mutating func heading(_ text: String) {
        space(8)
        // A heading is never the last line of a page.
        if cursor - 12 * 1.3 - 3 * 10 * 1.3 < Self.margin + 20 { newPage() }
        write(text, size: 12, bold: true, indent: 0, width: textWidth, after: 2)
        rule()
        space(4)
    }

    /// A paragraph of body text; `small` sets it at 8 points (hashes, identifiers).
    public mutating func paragraph(_ text: String, small: Bool = false, bold: Bool = false, indent: Double = 0) {
        write(text, size: small ? 8 : 10, bold: bold, indent: indent, width: textWidth - indent, after: 3)
    }

    /// A row with a bold label on the left and its value wrapped on the right.
    public mutating func field(_ label: String, _ value: String, small: Bool = false) {
        let size = small ? 8.0 : 10.0
        let labelLines = lines(label, size: 9, bold: true, width: Self.labelWidth - 8)
        let valueLines = lines(value.isEmpty ? "—" : value, size: size, bold: false, width: textWidth - Self.labelWidth)
        let leading = size * 1.3
        let height = Double(max(labelLines.count, valueLines.count)) * leading
        if cursor - min(height, 4 * leading) < Self.margin + 20 { newPage() }
        var labelY = cursor
        for line in labelLines {
            place(line, x: Self.margin, size: 9, bold: true, leading: leading, y: &labelY)
        }
        var valueY = cursor
        for line in valueLines {
            place(line, x: Self.margin + Self.labelWidth, size: size, bold: false, leading: leading, y: &valueY)
        }
        cursor = min(labelY, valueY) - 2
    }

    /// Vertical space.
    public mutating func space(_ points: Double) {
        cursor -= points
    }

    /// A thin horizontal rule across the text width.
    public mutating func rule() {
        if cursor < Self.margin + 20 { newPage() }
        pages[pages.count - 1].marks.append(.line(x1: Self.margin, y1: cursor, x2: Self.pageWidth - Self.margin, y2: cursor))
        cursor -= 2
    }

    /// Carries `file` inside the document.
    public mutating func embed(_ file: EmbeddedFile) {
        embedded.append(file)
    }

    private mutating func write(_ text: String, size: Double, bold: Bool, indent: Double, width: Double, after: Double) {
        var y = cursor
        for line in lines(text, size: size, bold: bold, width: width) {
            place(line, x: Self.margin + indent, size: size, bold: bold, leading: size * 1.3, y: &y)
        }
        cursor = y - after
    }

    /// Sets one line at `y`, moving to a new page first when it would cross the bottom margin.
    private mutating func place(_ line: String, x: Double, size: Double, bold: Bool, leading: Double, y: inout Double) {
        if y - leading < Self.margin + 20 {
            newPage()
            y = cursor
        }
        y -= leading
        if !line.isEmpty { pages[pages.count - 1].marks.append(.text(x: x, y: y + size * 0.25, bold: bold, size: size, line)) }
    }

    private mutating func newPage() {
        pages.append(PDFPage())
        cursor = Self.pageHeight - Self.margin
    }

    /// `text` broken into lines no wider than `width`: at spaces where possible, inside a word
    /// only when the word alone is too wide (hashes); explicit line breaks are kept.
    func lines(_ text: String, size: Double, bold: Bool, width: Double) -> [String] {
        let font = bold ? fonts.bold : fonts.regular
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
                let candidate = line.isEmpty ? word : line + " " + word
                if font.width(of: candidate, size: size) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { result.append(line) }
                line = ""
                var piece = ""
                for character in word {
                    if font.width(of: piece + String(character), size: size) > width, !piece.isEmpty {
                        result.append(piece)
                        piece = ""
                    }
                    piece.append(character)
                }
                line = piece
            }
            result.append(line)
        }
        return result
    }
}
