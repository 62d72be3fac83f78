import Foundation
import OpenIMIDomain

/// A row of `member_state`.
public struct MemberStateRecord: Sendable, Codable {
    /// ISO code.
    public var code: String
    /// Order of the state in lists.
    public var position: Int
    /// EU member or EEA only.
    public var isEuMember: Bool
    /// JSON array of language codes.
    public var officialLanguages: String
    /// JSON object of names by language.
    public var names: String

    init(_ state: MemberState, position: Int) {
        self.code = state.code.rawValue
        self.position = position
        self.isEuMember = state.isEUMember
        self.officialLanguages = JSONText.encode(state.officialLanguages)
        self.names = JSONText.encode(state.name)
    }

    /// The domain value.
    public func memberState() throws -> MemberState {
        guard let code = MemberStateCode(rawValue: code) else { throw RegistryError.unknownMemberState(code) }
        return MemberState(
            code: code, name: try JSONText.decode(LocalizedText.self, from: names),
            officialLanguages: try JSONText.decode([Language].self, from: officialLanguages), isEUMember: isEuMember)
    }
}

/// A row of `legal_area`.
public struct LegalAreaRecord: Sendable, Codable {
    /// Stable code.
    public var code: String
    /// Order in lists.
    public var position: Int
    /// JSON object of names by language.
    public var names: String
    /// JSON array of legal acts.
    public var legalActs: String
    /// Blocking period in months.
    public var blockAfterMonths: Int
    /// Deletion period in months.
    public var deleteAfterMonths: Int
    /// Whether sanctions data are allowed.
    public var sanctionsDataAllowed: Bool
    /// Whether consent is the legal basis.
    public var consentIsLegalBasis: Bool

    init(_ area: LegalArea, position: Int) {
        self.code = area.code.rawValue
        self.position = position
        self.names = JSONText.encode(area.name)
        self.legalActs = JSONText.encode(area.legalActs)
        self.blockAfterMonths = area.retention.blockAfterMonths
        self.deleteAfterMonths = RetentionRule.deleteAfterMonths
        self.sanctionsDataAllowed = area.sanctionsDataAllowed
        self.consentIsLegalBasis = area.consentIsLegalBasis
    }

    /// The domain value, with its procedures.
    public func legalArea(procedures: [Procedure]) throws -> LegalArea {
        LegalArea(
            code: try LegalAreaCode.stored(code, table: "legal_area", key: code),
            name: try JSONText.decode(LocalizedText.self, from: names),
            legalActs: try JSONText.decode([LegalAct].self, from: legalActs),
            retention: try RetentionRule(blockAfterMonths: blockAfterMonths),
            sanctionsDataAllowed: sanctionsDataAllowed, consentIsLegalBasis: consentIsLegalBasis,
            procedures: procedures)
    }
}

/// A row of `procedure`.
public struct ProcedureRecord: Sendable, Codable {
    /// Stable code.
    public var code: String
    /// The legal area's code.
    public var legalArea: String
    /// Order within the area.
    public var position: Int
    /// The procedure kind's raw value.
    public var kind: String
    /// JSON object of names by language.
    public var names: String
    /// The provision that is the legal basis.
    public var legalBasis: String

    init(_ procedure: Procedure, legalArea: String, position: Int) {
        self.code = procedure.code.rawValue
        self.legalArea = legalArea
        self.position = position
        self.kind = procedure.kind.rawValue
        self.names = JSONText.encode(procedure.name)
        self.legalBasis = procedure.legalBasis
    }

    /// The domain value.
    public func procedure() throws -> Procedure {
        guard let kind = ProcedureKind(rawValue: kind) else { throw PersistenceError.corruptRow(table: "procedure", key: code) }
        return Procedure(
            code: try ProcedureCode.stored(code, table: "procedure", key: code), kind: kind,
            name: try JSONText.decode(LocalizedText.self, from: names), legalBasis: legalBasis)
    }
}
