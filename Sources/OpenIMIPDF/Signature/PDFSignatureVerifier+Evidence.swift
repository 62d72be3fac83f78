extension PDFSignatureVerifier {
    /// The file of `mediaType` embedded in `pdf`, read only after the signature over the whole file
    /// was verified, so it is the one the platform put there.
    public func verifiedEmbeddedFile(in pdf: [UInt8], mediaType: String) async throws(PDFSignatureFailure) -> [UInt8] {
        _ = try await verify(pdf)
        guard let file = PDFScanner(pdf).embeddedFile(mediaType: mediaType) else { throw .missingEmbeddedFile(mediaType) }
        return file
    }
}
