import OpenIMIDomain
import OpenIMIPersistence
import Testing

@Suite struct AlertTemplateTests {
    /// Every alert procedure of the reference data has a template whose fields are well formed,
    /// translated into every language the question sets are.
    @Test func everyAlertProcedureHasACompleteTemplate() throws {
        let templates = try AlertTemplateFiles.bundled()
        let areas = try ReferenceDataFiles.bundled().legalAreas
        for area in areas {
            for procedure in area.procedures where procedure.kind == .alert {
                let template = try #require(templates[procedure.code.rawValue], "no template for \(procedure.code)")
                #expect(template.version >= 1)
                let ids = template.fields.map(\.id)
                #expect(Set(ids).count == ids.count, "\(procedure.code) repeats a field id")
                for field in template.fields {
                    #expect((field.kind == .choice) == !field.options.isEmpty, "\(procedure.code).\(field.id)")
                    #expect(Set(field.title.languages) == Set(Language.allCases), "\(procedure.code).\(field.id) lacks a language")
                    if field.sensitive { #expect(area.sanctionsDataAllowed && field.personalData, "\(procedure.code).\(field.id)") }
                }
            }
        }
        let qualifications = try #require(templates["pq-alert"])
        #expect(qualifications.recipients == .allOtherStates && qualifications.decisionDateField?.id == "decision-date")
        #expect(qualifications.field("scope")?.sensitive == true && qualifications.field("family-names")?.personalData == true)
        #expect(templates["services-alert"]?.recipients == .chosenStatesAndCommission)
        #expect(Set(templates.keys).isSubset(of: Set(areas.flatMap { $0.procedures.map(\.code.rawValue) })))
    }
}
