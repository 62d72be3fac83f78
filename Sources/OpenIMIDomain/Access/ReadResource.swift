/// The page or API resource through which data were read, as the access log names it.
public enum ReadResource: String, Sendable, Hashable, CaseIterable {
    /// The request with its personal data (API).
    case getRequest = "get-request"
    /// The request's page (web).
    case viewRequest = "view-request"
    /// The signed JSON evidence of the exchange.
    case getEvidence = "get-evidence"
    /// The signed PDF report of the exchange, which shows the personal data.
    case getReport = "get-report"
    /// One attachment's content.
    case getAttachment = "get-attachment"
    /// One attachment's description (name, type, size, digest), without its content.
    case getAttachmentDescription = "get-attachment-description"
    /// The list of attachments with their names.
    case listAttachments = "list-attachments"
    /// The consents recorded for the request.
    case listConsents = "list-consents"
    /// The information notice to the person (Art. 18), as a page or through the API.
    case informationNotice = "information-notice"
    /// The information notice as a signed PDF (web).
    case informationNoticePDF = "information-notice-pdf"
    /// A kept machine translation of one of the request's texts.
    case machineTranslation = "machine-translation"
    /// An alert with its personal data (API).
    case getAlert = "get-alert"
    /// An alert's page (web).
    case viewAlert = "view-alert"
}
