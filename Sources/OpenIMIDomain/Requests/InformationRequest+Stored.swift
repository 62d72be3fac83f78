import Foundation

extension InformationRequest {
    /// A request exactly as it was stored, every field given. Repositories rebuild requests this
    /// way; everything else changes a request only through its transitions.
    public init(
        stored id: RequestID, number: RequestNumber, procedure: ProcedureCode, legalArea: LegalAreaCode, questionSetVersion: Int,
        involvement: Involvement,
        state: RequestState,
        version: Int, deadline: Date, proposedDeadline: Date?, subject: DataSubject, questions: [String], freeText: FreeText?,
        answers: [String: Answer], steps: [RequestStep], formalClosureDate: Date?, allocatedTo: UserID?
    ) {
        self.id = id
        self.number = number
        self.procedure = procedure
        self.legalArea = legalArea
        self.questionSetVersion = questionSetVersion
        self.involvement = involvement
        self.state = state
        self.version = version
        self.deadline = deadline
        self.proposedDeadline = proposedDeadline
        self.subject = subject
        self.questions = questions
        self.freeText = freeText
        self.answers = answers
        self.steps = steps
        self.formalClosureDate = formalClosureDate
        self.allocatedTo = allocatedTo
    }
}
