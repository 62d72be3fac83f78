import OpenIMIDomain
import SQLKit

/// Reads member states, legal areas and procedures.
public struct RegistryRepository: Sendable {
    /// The database to read from.
    public let sql: any SQLDatabase

    /// Creates a repository over `sql`.
    public init(sql: any SQLDatabase) {
        self.sql = sql
    }

    /// All member states in list order.
    public func memberStates() async throws -> [MemberState] {
        try await sql.select().column("*").from("member_state").orderBy("position").all(
            decoding: MemberStateRecord.self, keyDecodingStrategy: .convertFromSnakeCase
        ).map { try $0.memberState() }
    }

    /// The member state with `code`, if loaded.
    public func memberState(_ code: MemberStateCode) async throws -> MemberState? {
        try await sql.select().column("*").from("member_state").where("code", .equal, code.rawValue).first(
            decoding: MemberStateRecord.self, keyDecodingStrategy: .convertFromSnakeCase
        ).map { try $0.memberState() }
    }

    /// The language a new user of an organisation in `state` starts with: the state's first
    /// official language, English for the platform's own staff.
    public func defaultLanguage(of state: MemberStateCode?) async throws -> Language {
        guard let state else { return .en }
        return try await memberState(state)?.officialLanguages.first ?? .en
    }

    /// All legal areas with their procedures, in list order.
    public func legalAreas() async throws -> [LegalArea] {
        let areas = try await sql.select().column("*").from("legal_area").orderBy("position").all(
            decoding: LegalAreaRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
        let procedures = try await sql.select().column("*").from("procedure").orderBy("legal_area").orderBy("position").all(
            decoding: ProcedureRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
        let byArea = Dictionary(grouping: procedures, by: \.legalArea)
        return try areas.map { area in
            try area.legalArea(procedures: (byArea[area.code] ?? []).map { try $0.procedure() })
        }
    }

    /// The legal area with `code`, if loaded.
    public func legalArea(_ code: String) async throws -> LegalArea? {
        guard
            let area = try await sql.select().column("*").from("legal_area").where("code", .equal, code).first(
                decoding: LegalAreaRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        let procedures = try await sql.select().column("*").from("procedure").where("legal_area", .equal, code)
            .orderBy("position").all(decoding: ProcedureRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try area.legalArea(procedures: procedures.map { try $0.procedure() })
    }

    /// The procedure `code` and the code of its legal area, if loaded.
    public func procedure(_ code: String) async throws -> (procedure: Procedure, legalArea: LegalAreaCode)? {
        guard
            let record = try await sql.select().column("*").from("procedure").where("code", .equal, code).first(
                decoding: ProcedureRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        return (try record.procedure(), try LegalAreaCode.stored(record.legalArea, table: "procedure", key: record.code))
    }

    /// Every procedure's name by its code.
    public func procedureNames() async throws -> [String: LocalizedText] {
        let records = try await sql.select().column("*").from("procedure").all(
            decoding: ProcedureRecord.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(uniqueKeysWithValues: try records.map { ($0.code, try $0.procedure().name) })
    }

    /// The codes of all loaded legal areas.
    public func legalAreaCodes() async throws -> Set<String> {
        let rows = try await sql.select().column("code").from("legal_area").all()
        return Set(try rows.map { try $0.decode(column: "code", as: String.self) })
    }
}
