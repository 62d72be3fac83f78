import Foundation
import Hummingbird
import HummingbirdTesting
import OpenIMIApplication
import Testing

@Suite struct PagesTests {
    @Test func homePageSwitchesLanguageAndRemembersIt() async throws {
        try await TestApp.run(demo: false) { client, _ in
            let english = try await client.execute(uri: "/", method: .get)
            #expect(english.status == .ok && english.text.contains("Administrative cooperation across the EEA"))
            #expect(english.headers[.contentType]?.hasPrefix("text/html") == true)
            let danish = try await client.execute(uri: "/?lang=da", method: .get)
            #expect(danish.text.contains("<html lang=\"da\">") && danish.text.contains("Administrativt samarbejde i hele EØS"))
            #expect(danish.headers[.setCookie]?.contains("lang=da") == true)
            let remembered = try await client.execute(uri: "/", method: .get, headers: [.cookie: "lang=sl"])
            #expect(remembered.text.contains("Upravno sodelovanje v celotnem EGP"))
            let browser = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "de-DE, sl;q=0.8, en;q=0.5"])
            #expect(browser.text.contains("<html lang=\"de\">"))
            let norwegian = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "nn-NO, en;q=0.5"])
            #expect(norwegian.text.contains("<html lang=\"nb\">"))
            let unknown = try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "ja, pt-PT;q=0.7"])
            #expect(unknown.text.contains("<html lang=\"pt\">"))
            // Greek and Bulgarian are served as text, not as escapes, and the switcher names each language in itself.
            let greek = try await client.execute(uri: "/glossary?lang=el", method: .get)
            #expect(greek.text.contains("<html lang=\"el\">") && greek.text.contains("δεδομένα προσωπικού χαρακτήρα"))
            #expect(greek.text.contains(#"lang="bg" data-lang="bg">български</a>"#) && greek.text.contains(">Gaeilge</a>"))
            let bulgarian = try await client.execute(uri: "/legal-areas?lang=bg", method: .get)
            #expect(bulgarian.text.contains("<html lang=\"bg\">") && bulgarian.text.contains("Директива 2005/36/ЕО"))
        }
    }

    @Test func legalAreasPageListsEveryAreaWithActsAndProcedures() async throws {
        try await TestApp.run(demo: false) { client, _ in
            let page = try await client.execute(uri: "/legal-areas?lang=sl", method: .get)
            #expect(page.status == .ok)
            for text in [
                "Poklicne kvalifikacije", "Direktiva 2005/36/ES", "Uredba (EU) 2016/679", "SOLVIT", "Zahteva za informacije", "18 mesecev",
            ] {
                #expect(page.text.contains(text), "\(text)")
            }
            #expect(page.text.components(separatedBy: "<section class=\"area\"").count - 1 == 14)
        }
    }

    @Test func coordinatorsPageShowsNationalContacts() async throws {
        try await TestApp.run { client, _ in
            let page = try await client.execute(uri: "/coordinators?lang=da", method: .get)
            #expect(page.text.contains("Nationale IMI-koordinatorer"))
            #expect(page.text.contains("imi@erst.example") && page.text.contains("Danmark") && page.text.contains("Slovenien"))
            #expect(page.text.contains("Områdekoordinator"))
            let api = try await client.execute(uri: "/api/v1/coordinators?kind=national", method: .get)
            let coordinators = try api.json()["coordinators"] as? [[String: Any]] ?? []
            #expect(coordinators.count == 5 && coordinators.allSatisfy { $0["kind"] as? String == "national" })
        }
    }

    @Test func directorySearchFindsAndOpensAnAuthority() async throws {
        try await TestApp.run { client, _ in
            let results = try await client.execute(uri: "/directory?name=laegeforening&lang=da", method: .get)
            #expect(results.text.contains("1 myndigheder fundet"))
            #expect(results.text.contains("Lægeforeningens Autorisationskontor"))
            let link = try #require(results.text.range(of: #"/directory/authorities/[0-9a-f-]+"#, options: .regularExpression))
            let page = try await client.execute(uri: String(results.text[link]) + "?lang=da", method: .get)
            #expect(page.status == .ok && page.text.contains("autorisation@laeger.example") && page.text.contains("Valideret"))
            let greek = try await client.execute(uri: "/directory?name=%CE%B9%CE%B1%CF%84%CF%81%CE%B9%CE%BA%CE%BF%CF%82", method: .get)
            #expect(greek.text.contains("Ιατρικός Σύλλογος Αθηνών"))
        }
    }

    @Test func pendingAuthoritiesAreNotPublic() async throws {
        try await TestApp.run { client, _ in
            let search = try await client.execute(uri: "/api/v1/authorities?name=aarhus", method: .get)
            #expect(try search.json()["total"] as? Int == 0)
            let id = "5b6e4f0e-0000-0000-0000-000000000000"
            #expect(try await client.execute(uri: "/api/v1/authorities/\(id)", method: .get).status == .notFound)
        }
    }

    @Test func apiSearchByQueryAndByBodyAgree() async throws {
        try await TestApp.run { client, _ in
            let byQuery = try await client.execute(uri: "/api/v1/authorities?legalArea=gdpr-cooperation&perPage=2", method: .get)
            let body = ByteBuffer(string: #"{"legalArea":"gdpr-cooperation","perPage":2}"#)
            let byBody = try await client.execute(
                uri: "/api/v1/authorities/search", method: .post, headers: [.contentType: "application/json"], body: body)
            #expect(byQuery.status == .ok && byBody.status == .ok)
            let first = try byQuery.json(), second = try byBody.json()
            #expect(first["total"] as? Int == 3 && second["total"] as? Int == 3 && first["pageCount"] as? Int == 2)
            #expect(
                ((first["items"] as? [[String: Any]]) ?? []).map { $0["id"] as? String }
                    == ((second["items"] as? [[String: Any]]) ?? []).map { $0["id"] as? String })
            let areas = try await client.execute(uri: "/api/v1/legal-areas", method: .get)
            #expect((try areas.json()["legalAreas"] as? [Any])?.count == 14)
            let states = try await client.execute(uri: "/api/v1/member-states", method: .get)
            #expect((try states.json()["memberStates"] as? [Any])?.count == 30)
        }
    }

    @Test func responsesCarrySecurityHeaders() async throws {
        try await TestApp.run(demo: false) { client, _ in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
            let css = try await client.execute(uri: "/static/style.css", method: .get)
            #expect(css.status == .ok && css.headers[.contentType]?.hasPrefix("text/css") == true)
        }
    }
}
