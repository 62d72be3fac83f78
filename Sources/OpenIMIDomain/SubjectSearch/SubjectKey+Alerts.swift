import Foundation

extension SubjectKey {
    /// The keys of the person or business an alert's content names: the professional's names with
    /// their date of birth (qualifications alert), the provider's identifier with its state of
    /// establishment when that is given as a state code (Services alert).
    public static func keys(ofAlert values: [String: String]) -> [String] {
        var keys: [String] = []
        if let given = values["given-names"], let family = values["family-names"],
            let key = person(given: given, family: family, born: values["date-of-birth"])
        {
            keys.append(key)
        }
        if let identifier = values["provider-identifier"] {
            let state = values["establishment-state"].flatMap { $0.count == 2 ? $0 : nil }
            if let key = business(number: identifier, state: state) { keys.append(key) }
        }
        return keys
    }
}
