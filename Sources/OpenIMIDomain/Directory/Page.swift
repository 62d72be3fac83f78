/// One page of results and how many there are in all.
public struct Page<Item: Sendable>: Sendable {
    /// The results on this page.
    public var items: [Item]
    /// The page number, from 1.
    public var page: Int
    /// Results per page.
    public var perPage: Int
    /// Results on all pages.
    public var total: Int

    /// Creates a page.
    public init(items: [Item], page: Int, perPage: Int, total: Int) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
    }

    /// Number of pages, at least 1.
    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
    /// Whether a later page exists.
    public var hasNext: Bool { page < pageCount }
    /// Whether an earlier page exists.
    public var hasPrevious: Bool { page > 1 }
}
