import PostgresNIO

/// A statement run through PostgresNIO's prepared statements under a name chosen at run time.
///
/// PostgresNIO prepares a statement once per connection and keeps it by name, but takes the name
/// and text from a type's static members. They are read once, when `execute` is called, so a
/// task-local value set around the call gives them per statement.
struct NamedStatement: PostgresPreparedStatement {
    /// The name and text of the statement being run.
    struct Text: Sendable {
        let name: String
        let sql: String
    }

    @TaskLocal static var current = Text(name: "", sql: "")

    static var name: String { current.name }
    static var sql: String { current.sql }

    /// The values bound to this execution; their types are those the statement is prepared with.
    let bindings: PostgresBindings

    func makeBindings() -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
