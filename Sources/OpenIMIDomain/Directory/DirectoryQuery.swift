/// A search of the authority directory: every given criterion must match.
public struct DirectoryQuery: Sendable, Hashable {
    /// Results per page when none is asked for.
    public static let defaultPerPage = 20
    /// The last page that may be asked for.
    public static let maximumPage = 100_000
    /// Most results per page.
    public static let maximumPerPage = 100
    /// Longest accepted name or keyword text.
    public static let maximumTextLength = 200

    /// Only authorities of this state.
    public var memberState: MemberStateCode?
    /// Only authorities registered for this legal area.
    public var legalArea: String?
    /// Words that must each begin a word of a competence keyword.
    public var keyword: String?
    /// Words that must each begin a word of the authority's name, in any of its languages.
    public var name: String?
    /// Only authorities in this status; the public directory shows validated ones.
    public var status: AuthorityStatus
    /// The page, from 1.
    public var page: Int
    /// Results per page, 1…100.
    public var perPage: Int

    /// Creates a query, refusing out-of-range paging and overlong texts.
    public init(
        memberState: MemberStateCode? = nil, legalArea: String? = nil, keyword: String? = nil,
        name: String? = nil, status: AuthorityStatus = .validated, page: Int = 1,
        perPage: Int = DirectoryQuery.defaultPerPage
    ) throws(DirectoryError) {
        guard page >= 1, page <= Self.maximumPage else { throw .invalidField("page", .outOfRange(minimum: 1, maximum: Self.maximumPage)) }
        guard (1...Self.maximumPerPage).contains(perPage) else {
            throw .invalidField("perPage", .outOfRange(minimum: 1, maximum: Self.maximumPerPage))
        }
        for (field, text) in [("keyword", keyword), ("name", name)] {
            if let text, text.count > Self.maximumTextLength {
                throw .invalidField(field, .tooLong(maximum: Self.maximumTextLength))
            }
        }
        self.memberState = memberState
        self.legalArea = legalArea.flatMap { $0.isBlank ? nil : $0 }
        self.keyword = keyword.flatMap { $0.isBlank ? nil : $0 }
        self.name = name.flatMap { $0.isBlank ? nil : $0 }
        self.status = status
        self.page = page
        self.perPage = perPage
    }

    /// The folded name tokens the index is searched with.
    public var nameTokens: [String] { name.map(SearchText.queryTokens) ?? [] }
    /// The folded keyword tokens the index is searched with.
    public var keywordTokens: [String] { keyword.map(SearchText.queryTokens) ?? [] }
    /// Rows to skip before this page.
    public var offset: Int { (page - 1) * perPage }
}
