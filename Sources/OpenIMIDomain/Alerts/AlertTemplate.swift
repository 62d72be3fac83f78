import Foundation

/// The structured content of one alert procedure, versioned and shipped as data
/// (`Resources/AlertTemplates/<procedure>.json`, translated like the question sets): its fields
/// with their kinds and personal-data markers, and who receives the alert.
public struct AlertTemplate: Sendable, Hashable, Codable {
    /// The procedure it belongs to.
    public var procedure: String
    /// Its version; an alert keeps the version it was written with.
    public var version: Int
    /// Who receives alerts of this procedure.
    public var recipients: AlertRecipientRule
    /// The fields, in the order shown.
    public var fields: [AlertField]

    /// Creates a template.
    public init(procedure: String, version: Int, recipients: AlertRecipientRule, fields: [AlertField]) {
        self.procedure = procedure
        self.version = version
        self.recipients = recipients
        self.fields = fields
    }

    /// The field with `id`.
    public func field(_ id: String) -> AlertField? { fields.first { $0.id == id } }

    /// The field whose value is the date of the decision the alert reports, if the template has one.
    public var decisionDateField: AlertField? { fields.first { $0.kind == .decisionDate } }

    /// The longest value a field takes.
    public static let maximumValueLength = 10_000

    /// Checks `values` against the fields: no unknown field, every required one given, dates as
    /// `YYYY-MM-DD`, choices among the options, nothing longer than ``maximumValueLength``.
    public func check(_ values: [String: String]) throws(AlertContentError) {
        try Self.check(values, against: fields)
    }

    /// Checks `values` against `fields` as ``check(_:)`` does; repositories' records use it too.
    public static func check(_ values: [String: String], against fields: [AlertField]) throws(AlertContentError) {
        for key in values.keys.sorted() where !fields.contains(where: { $0.id == key }) { throw .unknownField(key) }
        for field in fields {
            let value = values[field.id]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if value.isEmpty {
                if field.required { throw .missing(field.id) }
                continue
            }
            guard value.count <= maximumValueLength else { throw .tooLong(field.id) }
            switch field.kind {
            case .text: break
            case .date, .decisionDate:
                guard AlertTemplate.day(value) != nil else { throw .malformed(field.id) }
            case .choice:
                guard field.options.contains(where: { $0.id == value }) else { throw .malformed(field.id) }
            }
        }
    }

    /// The calendar day `YYYY-MM-DD` (a real date) as the start of that day in UTC, or nil.
    public static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }
}

/// Who an alert goes to.
public enum AlertRecipientRule: String, Sendable, Hashable, Codable {
    /// Every other member state (the professional-qualifications alert, Directive 2005/36/EC Art. 56a).
    case allOtherStates = "all-other-states"
    /// The member states the sender chooses, and the Commission, which sees only that the alert
    /// exists (the Services Directive alert, Directive 2006/123/EC Art. 29(3) and 32).
    case chosenStatesAndCommission = "chosen-states-and-commission"
}

/// One field of an alert's content.
public struct AlertField: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier within the template.
    public var id: String
    /// What the field asks for.
    public var title: LocalizedText
    /// What kind of value it takes.
    public var kind: AlertFieldKind
    /// Whether the sender must give it.
    public var required: Bool
    /// Whether its value is personal data (shown with a marker, readable only by routed authorities).
    public var personalData: Bool
    /// Whether it is sensitive data on offences, sanctions or good repute (shown behind a warning).
    public var sensitive: Bool
    /// The choices of a choice field.
    public var options: [AnswerOption]

    /// Creates a field.
    public init(
        id: String, title: LocalizedText, kind: AlertFieldKind, required: Bool, personalData: Bool, sensitive: Bool,
        options: [AnswerOption] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.required = required
        self.personalData = personalData
        self.sensitive = sensitive
        self.options = options
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(LocalizedText.self, forKey: .title)
        kind = try container.decode(AlertFieldKind.self, forKey: .kind)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        personalData = try container.decodeIfPresent(Bool.self, forKey: .personalData) ?? false
        sensitive = try container.decodeIfPresent(Bool.self, forKey: .sensitive) ?? false
        options = try container.decodeIfPresent([AnswerOption].self, forKey: .options) ?? []
    }
}

/// The kinds of value an alert field takes.
public enum AlertFieldKind: String, Sendable, Hashable, Codable {
    /// Free text, kept with the alert's language.
    case text
    /// A calendar day.
    case date
    /// The day of the decision the alert reports: the 3-day sending period counts from it.
    case decisionDate = "decision-date"
    /// One of the field's options.
    case choice
}

/// Why an alert's content was refused.
public enum AlertContentError: Error, Sendable, Hashable {
    /// A field the template does not have.
    case unknownField(String)
    /// A required field left empty.
    case missing(String)
    /// A date or a choice that is not one.
    case malformed(String)
    /// A value longer than the template allows.
    case tooLong(String)
}
