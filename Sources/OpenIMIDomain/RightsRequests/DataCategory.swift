/// The categories of personal data a request holds, as notices and records of processing name them.
public enum DataCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Who the person or business is: names, date of birth, identifiers.
    case identification
    /// Answers about them.
    case answers
    /// Data on offences, convictions, sanctions or good repute (Art. 16).
    case sanctionsData = "sanctions-data"
    /// Documents attached.
    case documents

    /// The categories of a request asking `asked` from `questionSet`: identification always, and
    /// what the questions asked collect.
    public static func of(asked: [String], in questionSet: QuestionSet?) -> [DataCategory] {
        var categories: Set<DataCategory> = [.identification]
        for id in asked {
            guard let question = questionSet?.question(id) else { continue }
            if question.sensitive { categories.insert(.sanctionsData) }
            if question.answer == .document { categories.insert(.documents) }
            if question.personalData { categories.insert(.answers) }
        }
        return categories.sorted()
    }

    /// The categories of an alert written on `template`: identification always, what its personal
    /// fields hold, and data on sanctions where a field is marked sensitive.
    public static func of(alert template: AlertTemplate?) -> [DataCategory] {
        var categories: Set<DataCategory> = [.identification]
        for field in template?.fields ?? [] {
            if field.sensitive { categories.insert(.sanctionsData) }
            if field.personalData { categories.insert(.answers) }
        }
        return categories.sorted()
    }

    public static func < (lhs: DataCategory, rhs: DataCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
