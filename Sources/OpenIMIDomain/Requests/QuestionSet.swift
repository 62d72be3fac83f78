/// The pre-translated questions of a procedure, versioned: a request keeps the version it was asked with.
public struct QuestionSet: Sendable, Hashable, Codable {
    /// The procedure's code.
    public var procedure: String
    /// Increases whenever a question changes.
    public var version: Int
    /// The sections, in order.
    public var sections: [QuestionSection]

    /// Every question, in order.
    public var questions: [Question] { sections.flatMap(\.questions) }

    /// The question with `id`.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// The languages every text of the set exists in.
    public var languages: Set<Language> {
        var texts = sections.map(\.title) + questions.map(\.text)
        texts += questions.flatMap { $0.options.map(\.text) }
        return texts.reduce(Set(Language.allCases)) { $0.intersection($1.languages) }
    }
}

/// A group of questions with a title.
public struct QuestionSection: Sendable, Hashable, Codable {
    /// Stable identifier within the set.
    public var id: String
    /// The section's title.
    public var title: LocalizedText
    /// The questions.
    public var questions: [Question]
}

/// One question with a typed answer.
public struct Question: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier within the set.
    public var id: String
    /// The question.
    public var text: LocalizedText
    /// What kind of answer it takes.
    public var answer: AnswerType
    /// Whether the answer is personal data (shown with a marker).
    public var personalData: Bool
    /// Whether the answer is sensitive data on offences, sanctions or good repute (shown behind a warning).
    public var sensitive: Bool
    /// The choices of a single- or multiple-choice question.
    public var options: [AnswerOption]

    /// Creates a question.
    public init(
        id: String, text: LocalizedText, answer: AnswerType, personalData: Bool, sensitive: Bool, options: [AnswerOption] = []
    ) {
        self.id = id
        self.text = text
        self.answer = answer
        self.personalData = personalData
        self.sensitive = sensitive
        self.options = options
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try container.decode(String.self, forKey: .id)
        self.text = try container.decode(LocalizedText.self, forKey: .text)
        self.answer = try container.decode(AnswerType.self, forKey: .answer)
        self.personalData = try container.decodeIfPresent(Bool.self, forKey: .personalData) ?? false
        self.sensitive = try container.decodeIfPresent(Bool.self, forKey: .sensitive) ?? false
        self.options = try container.decodeIfPresent([AnswerOption].self, forKey: .options) ?? []
    }
}

/// The kinds of answer.
public enum AnswerType: String, Sendable, Hashable, Codable, CaseIterable {
    case yesNo = "yes-no"
    case date
    case number
    case text
    case singleChoice = "single-choice"
    case multipleChoice = "multiple-choice"
    case document
}

/// One choice of a choice question.
public struct AnswerOption: Sendable, Hashable, Codable {
    /// Stable identifier within the question.
    public var id: String
    /// The choice's text.
    public var text: LocalizedText

    /// Creates a choice.
    public init(id: String, text: LocalizedText) {
        self.id = id
        self.text = text
    }
}
