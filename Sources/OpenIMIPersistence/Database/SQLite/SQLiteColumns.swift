/// The column names of one prepared statement's results, shared by all of its rows.
final class SQLiteColumns: Sendable {
    /// The names in result order.
    let names: [String]
    /// Each name's first position.
    let positions: [String: Int]

    /// The columns named `names`, in that order.
    init(names: [String]) {
        self.names = names
        self.positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
