import OpenIMITestSupport
import Testing

/// The outside verifiers are optional on a developer's machine and compulsory in CI: a missing tool
/// is a named skip, and under `OPENIMI_REQUIRE_TOOLS` a failure.
@Suite struct ExternalToolTests {
    @Test func aMissingToolIsASkipNamingItsPackage() {
        #expect(ExternalTool.location(of: "pdfsig", path: "/nonexistent/bin") == nil)
        guard case .skip(let message) = ExternalTool.absence(of: "pdfsig", environment: [:]) else {
            Issue.record("a missing tool without the switch must be a skip")
            return
        }
        #expect(message.contains("pdfsig") && message.contains("poppler-utils") && message.contains("brew install poppler"))
    }

    @Test(arguments: ["1", "true", "YES"])
    func theSwitchTurnsAMissingToolIntoAFailure(value: String) {
        let environment = [ExternalTool.requireVariable: value]
        #expect(ExternalTool.isRequired(environment: environment))
        #expect(ExternalTool.absence(of: "pdftotext", environment: environment) == .fail(.init(tool: "pdftotext")))
        #expect("\(ExternalTool.Missing(tool: "pdftotext"))".contains("poppler-utils"))
    }

    @Test func theSwitchIsOffUnlessSetToYes() {
        for environment in [[:], [ExternalTool.requireVariable: "0"], [ExternalTool.requireVariable: ""]] {
            #expect(!ExternalTool.isRequired(environment: environment))
        }
    }

    @Test func aToolOnThePathIsFound() {
        #expect(ExternalTool.location(of: "sh", path: "/nonexistent:/bin:/usr/bin") != nil)
    }
}
