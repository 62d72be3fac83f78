extension PDFDocument.Fonts {
    /// The default font directory: where Debian and Ubuntu install DejaVu.
    public static let defaultDirectory = "/usr/share/fonts/truetype/dejavu"
    /// The regular face's file name.
    public static let regularFile = "DejaVuSans.ttf"
    /// The bold face's file name.
    public static let boldFile = "DejaVuSans-Bold.ttf"

    /// DejaVu Sans, regular and bold, from `directory`; throws naming the file that is missing or unusable.
    public static func dejaVu(in directory: String) throws(FontError) -> PDFDocument.Fonts {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return PDFDocument.Fonts(
            regular: try TrueTypeFont(contentsOf: "\(base)/\(regularFile)"), bold: try TrueTypeFont(contentsOf: "\(base)/\(boldFile)"))
    }
}
