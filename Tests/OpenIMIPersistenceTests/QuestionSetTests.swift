import OpenIMIDomain
import OpenIMIPersistence
import Testing

@Suite struct QuestionSetTests {
    @Test func everyInformationRequestProcedureHasACompleteQuestionSet() throws {
        let sets = try QuestionSetFiles.bundled()
        let areas = try ReferenceDataFiles.bundled().legalAreas
        for area in areas {
            for procedure in area.procedures where procedure.kind == .informationRequest {
                let set = try #require(sets[procedure.code.rawValue], "no question set for \(procedure.code)")
                #expect(set.version >= 1)
                #expect(set.languages.isSuperset(of: [.en, .da, .sl]), "\(procedure.code) lacks a translation")
                let ids = set.questions.map(\.id)
                #expect(Set(ids).count == ids.count, "\(procedure.code) repeats a question id")
                for question in set.questions {
                    let isChoice = question.answer == .singleChoice || question.answer == .multipleChoice
                    #expect(isChoice == !question.options.isEmpty, "\(procedure.code).\(question.id)")
                    if question.sensitive {
                        #expect(
                            area.sanctionsDataAllowed, "\(procedure.code).\(question.id) is sensitive in an area without sanctions data")
                    }
                }
            }
        }
        let procedures = Set(areas.flatMap { $0.procedures.map(\.code.rawValue) })
        #expect(Set(sets.keys).isSubset(of: procedures), "a question set names an unknown procedure")
        let qualifications = try #require(sets["pq-information-request"])
        #expect(qualifications.question("disciplinary-sanctions")?.sensitive == true)
        #expect(qualifications.question("legally-established")?.personalData == true)
    }
}
