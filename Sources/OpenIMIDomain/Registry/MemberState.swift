/// A member state of the European Economic Area, identified by its ISO 3166-1 alpha-2 code.
public struct MemberState: Sendable, Hashable, Codable, Identifiable {
    /// The ISO 3166-1 alpha-2 code, e.g. "DK".
    public var code: MemberStateCode
    /// The state's name in the interface languages.
    public var name: LocalizedText
    /// The official languages of the state that the platform supports.
    public var officialLanguages: [Language]
    /// Whether the state is an EU member (false for Iceland, Liechtenstein and Norway).
    public var isEUMember: Bool

    /// The state's identity: its code.
    public var id: MemberStateCode { code }

    /// Creates a member state.
    public init(code: MemberStateCode, name: LocalizedText, officialLanguages: [Language], isEUMember: Bool) {
        self.code = code
        self.name = name
        self.officialLanguages = officialLanguages
        self.isEUMember = isEUMember
    }
}
