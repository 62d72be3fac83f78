/// An administrative cooperation procedure of a legal area.
public struct Procedure: Sendable, Hashable, Codable, Identifiable {
    /// A stable identifier such as "pq-information-request".
    public var code: ProcedureCode
    /// What kind of exchange the procedure is.
    public var kind: ProcedureKind
    /// The procedure's name in the interface languages.
    public var name: LocalizedText
    /// The provision that is the legal basis, e.g. "Art. 8, 50 and 56".
    public var legalBasis: String

    /// The procedure's identity: its code.
    public var id: ProcedureCode { code }

    /// Creates a procedure.
    public init(code: ProcedureCode, kind: ProcedureKind, name: LocalizedText, legalBasis: String) {
        self.code = code
        self.kind = kind
        self.name = name
        self.legalBasis = legalBasis
    }
}

/// The workflow a procedure follows.
public enum ProcedureKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// One-to-one question and answer between two authorities.
    case informationRequest = "information-request"
    /// One-to-many warning routed by coordinators.
    case alert
    /// One-to-many notice without a warning character.
    case notification
    /// A register readable by a defined group of authorities.
    case repository
    /// A complaint from a citizen or business handled by SOLVIT centres.
    case solvitCase = "solvit-case"
}
