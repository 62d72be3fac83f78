extension InformationRequest {
    /// The request with `field` of its person or business corrected to `value` for a rectification
    /// request (GDPR Art. 16), one version on.
    public func correcting(_ field: CorrectableField, to value: String) throws -> InformationRequest {
        var corrected = self
        corrected.subject = try field.correcting(subject, to: value)
        corrected.version += 1
        return corrected
    }
}
