/// One option of a `<select>`: its value, what it shows, and whether it is chosen.
struct SelectOption {
    let code: String
    let name: String
    let selected: Bool
}
