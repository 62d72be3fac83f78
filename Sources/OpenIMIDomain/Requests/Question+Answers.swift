import Foundation

extension Question {
    /// Whether `value` is a well-formed answer of this question's type. Document answers name one of
    /// `attachments`, the ids of the request's attachments.
    public func accepts(_ value: String, attachments: Set<UUID> = []) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return false }
        switch answer {
        case .yesNo: return trimmed == "yes" || trimmed == "no"
        case .date: return DataSubject.isCalendarDay(trimmed)
        case .number: return Double(trimmed).map(\.isFinite) ?? false
        case .text: return trimmed.count <= 10_000
        case .singleChoice: return options.contains { $0.id == trimmed }
        case .multipleChoice:
            let chosen = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return !chosen.isEmpty && Set(chosen).count == chosen.count && chosen.allSatisfy { id in options.contains { $0.id == id } }
        case .document: return UUID(uuidString: trimmed).map(attachments.contains) ?? false
        }
    }
}
