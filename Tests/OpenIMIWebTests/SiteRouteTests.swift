import Foundation
import Mustache
import OpenIMIApplication
import Testing

@testable import OpenIMIWeb

/// The route table builds every link: parameters filled in order and encoded, queries appended,
/// and templates hold no address of their own.
@Suite struct SiteRouteTests {
    @Test func linksFillTheParametersInOrderAndEncodeThem() {
        #expect(Site.request.link("0c4b6a7c") == "/requests/0c4b6a7c")
        #expect(Site.requestAttachment.link("a", "b") == "/requests/a/attachments/b")
        #expect(Site.request.link("../admin?x=1#y") == "/requests/..%2Fadmin%3Fx%3D1%23y")
        #expect(Site.account.link(query: "saved=password") == "/account?saved=password")
        #expect(Site.rightsRequest.link("r1", query: "done=1") == "/rights-requests/r1?done=1")
        #expect(Site.directory.link() == "/directory")
        #expect(Site.API.request.link("x") == "/api/v1/requests/x" && Site.API.request.isAPI && !Site.request.isAPI)
    }

    @Test func theEmailsLinkIsTheRequestsPage() {
        let id = "7c1d5e2a-0b9f-4c1e-9a51-3d2f1e0c4b6a"
        #expect(PublicAddress.request(id, base: "https://imi.example.org") == "https://imi.example.org" + Site.request.link(id))
        #expect(PublicAddress.request("../x", base: "") == Site.request.link("../x"))
    }

    @Test func templatesBuildLinksFromTheTable() throws {
        let template = try MustacheTemplate(
            string: #"<a href="{{links.directory}}">d</a><a href="{{#links.request}}{{id}}{{/links.request}}">r</a>"#
                + #"<form action="{{#links.postUserOperation}}{{id}} suspend{{/links.postUserOperation}}">"#)
        let html = template.render(["links": ViewRenderer.links, "id": "<7>"])
        #expect(html == #"<a href="/directory">d</a><a href="/requests/&lt;7&gt;">r</a><form action="/users/&lt;7&gt;/suspend">"#)
    }

    @Test func noTemplateWritesAnAddressOfItsOwn() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../Sources/OpenIMIWeb/Resources/Templates")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count > 20)
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            for literal in [#"href="/"#, #"action="/"#, #"src="/"#] {
                #expect(!text.contains(literal), "\(file) writes an address itself (\(literal)…)")
            }
        }
    }
}
