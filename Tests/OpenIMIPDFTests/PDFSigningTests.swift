import Crypto
import Foundation
import OpenIMIPDF
import OpenIMISecurity
import OpenIMITestSupport
import Testing
import X509

/// Signed PDFs checked by poppler (pdfsig, pdftotext) and by our own offline verifier.
@Suite struct PDFSigningTests {
    static let danish = "Kompetent myndighed: Styrelsen for Patientsikkerhed, spørgsmål om åbenhed"
    static let slovenian = "Pristojni organ: Zdravniška zbornica Slovenije, vprašanje o čistopisu"
    static let greek = "Αρμόδια αρχή: Ιατρικός Σύλλογος Αθηνών"
    static let bulgarian = "Компетентен орган: Български лекарски съюз"

    static func document(pages: Int = 1) throws -> PDFDocument {
        var document = PDFDocument(
            fonts: try PDFDocument.Fonts.dejaVu(in: TrueTypeFontTests.directory), title: "Exchange report", language: "en",
            footer: "OpenIMI exchange report", pageNumbering: "Page {page} of {pages}")
        document.titleBlock("Exchange report")
        document.heading("Parties")
        document.field("Danish", danish)
        document.field("Slovenian", slovenian)
        document.field("Greek", greek)
        document.paragraph(bulgarian)
        document.field("SHA-256", String(repeating: "0123456789abcdef", count: 4), small: true)
        for line in 0..<(pages - 1) * 60 { document.paragraph("Filler line \(line) to reach another page.") }
        document.embed(.init(name: "evidence.jws", mediaType: "application/jose", data: Array("header.payload.signature".utf8)))
        return document
    }

    static func identity() throws -> SigningIdentity {
        try SigningIdentity.create(subject: try SigningIdentity.subject(organisation: "OpenIMI test"), now: Date())
    }

    static func signed(_ document: PDFDocument, by identity: SigningIdentity) throws -> [UInt8] {
        try PDFSigner(privateKey: identity.privateKey, certificate: identity.certificate).sign(
            document, signer: "OpenIMI test", reason: "Proof of exchange", at: Date(), identifier: Array(repeating: 7, count: 16))
    }

    @Test func pdfsigValidatesTheSignatureAndOneChangedByteBreaksIt() throws {
        let pdf = try Self.signed(try Self.document(), by: try Self.identity())
        let path = try ExternalTool.temporaryFile(pdf, name: "report.pdf")
        let valid = try ExternalTool.run("pdfsig", [path])
        #expect(valid.output.contains("Signature Validation: Signature is Valid."), "\(valid.output)")
        #expect(valid.output.contains("Signed Ranges"))
        // One byte inside the first signed range (a page's text) changed.
        var tampered = pdf
        let index = try #require(Self.range(of: "Tm <", in: tampered)) + 4
        tampered[index] = tampered[index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let broken = try ExternalTool.run("pdfsig", [try ExternalTool.temporaryFile(tampered, name: "tampered.pdf")])
        #expect(broken.output.contains("Digest Mismatch."), "\(broken.output)")
        #expect(!broken.output.contains("Signature is Valid."))
    }

    @Test func pdftotextExtractsEveryScript() throws {
        let pdf = try Self.signed(try Self.document(pages: 2), by: try Self.identity())
        let path = try ExternalTool.temporaryFile(pdf, name: "report.pdf")
        let text = try ExternalTool.run("pdftotext", ["-layout", path, "-"])
        #expect(text.status == 0, "\(text.output)")
        // Lines wrap at the column's width, so words are compared with single spaces between them.
        let words = text.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in [Self.danish, Self.slovenian, Self.greek, Self.bulgarian, "Page 2 of 2"] {
            #expect(words.contains(expected), "pdftotext lost \(expected)")
        }
        let fonts = try ExternalTool.run("pdffonts", [path])
        #expect(fonts.output.contains("CID TrueType"), "\(fonts.output)")
        #expect(fonts.output.contains("Identity-H"))
    }

    @Test func ourVerifierAcceptsTheSignedFileAndReadsItsEvidence() async throws {
        let identity = try Self.identity()
        let pdf = try Self.signed(try Self.document(), by: identity)
        let verifier = PDFSignatureVerifier(trusted: identity.certificate)
        let signer = try await verifier.verify(pdf)
        #expect(signer == identity.certificate)
        let evidence = try await verifier.verifiedEmbeddedFile(in: pdf, mediaType: "application/jose")
        #expect(String(decoding: evidence, as: UTF8.self) == "header.payload.signature")
    }

    @Test func ourVerifierRefusesTamperingAppendingAndStrangers() async throws {
        let identity = try Self.identity()
        let pdf = try Self.signed(try Self.document(), by: identity)
        let verifier = PDFSignatureVerifier(trusted: identity.certificate)
        var tampered = pdf
        let index = try #require(Self.range(of: "header.payload", in: tampered))
        tampered[index] = UInt8(ascii: "H")
        await #expect(throws: PDFSignatureFailure.self) { try await verifier.verify(tampered) }
        await #expect(throws: PDFSignatureFailure.incompleteByteRange("6 bytes follow the signed range")) {
            try await verifier.verify(pdf + Array("%extra".utf8))
        }
        let stranger = PDFSignatureVerifier(trusted: try Self.identity().certificate)
        await #expect(throws: PDFSignatureFailure.self) { try await stranger.verify(pdf) }
        await #expect(throws: PDFSignatureFailure.noSignature) { try await verifier.verify(Array("%PDF-1.7\n%%EOF\n".utf8)) }
    }

    static func range(of text: String, in bytes: [UInt8]) -> Int? {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
