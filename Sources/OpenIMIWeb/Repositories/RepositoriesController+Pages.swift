import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence

extension RepositoriesController {
    /// `GET /repositories`: the registers the user reads.
    func repositoriesPage(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator
    {
        try request.checkQueryParameters(allowed: ["lang"])
        let catalog = catalogs.catalog(for: context.language)
        let page = RepositoriesPage(try await repositories.visible(to: session.principal), catalog: catalog)
        return views.render("repositories", title: catalog.text("repositories.title"), page: page, request: request, context: context)
    }

    /// `GET /repositories/{code}?field=&value=`: the register, a search's results, the maintainers' forms.
    func repositoryPage(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["field", "value", "done", "lang"])
        let search = request.query("field").map { ($0, request.query("value") ?? "") }
        return try await page(
            try context.code(), search: search, request, context, session,
            done: request.query("done").flatMap { ["created", "changed"].contains($0) ? $0 : nil })
    }

    private func page(
        _ code: String, search: (field: String, value: String)?, _ request: Request, _ context: AppRequestContext,
        _ session: ActiveSession, form: FormEcho? = nil, done: String? = nil
    ) async throws -> HTMLPage {
        let principal = session.principal
        let now = clock.now()
        let opened = try await repositories.open(code, by: principal)
        let (definition, maintains, maintainerIDs) = (opened.definition, opened.maintains, opened.maintainers)
        var results: [RepositoryRecord]?
        if let search {
            results = try await repositories.search(in: opened, field: search.field, value: search.value, now: now)
        }
        let kept = try await repositories.kept(in: opened, showing: RepositoryPage.listed(definition), now: now)
        let own = principal.organisation.id.uuid
        let names = try await RequestDirectory.load(
            maintainerIDs.union([own].compactMap { $0 }), areas: [], database: database, language: context.language)
        let catalog = catalogs.catalog(for: context.language)
        let model = RepositoryPage(
            definition: definition, maintains: maintains, maintainers: maintainerIDs.map(names.name), ownName: own.map(names.name) ?? "",
            search: search,
            results: results ?? [], kept: kept, catalog: catalog, form: form, done: done)
        return views.render("repository", title: model.title, page: model, request: request, context: context, form: form)
    }

    /// `POST /repositories/{code}/records`: records what the form holds; a refused form comes back as typed.
    func postRecords(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let code = try context.code()
        let opened = try await repositories.open(code, by: session.principal)
        let definition = opened.definition
        do {
            let created = try await repositories.record(
                AlertFieldInput.values(of: definition.fields, from: fields), in: opened, now: clock.now())
            return Response(
                status: .seeOther, headers: [.location: Site.repositoryRecord.link(code, created.id.description, query: "done=created")])
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "new-record",
                    labels: AlertFieldInput.labels(of: definition.fields, in: context.language),
                    catalog: catalog, languages: catalogs.languages)
            else { throw error }
            return try await page(code, search: nil, request, context, session, form: echo).response(from: request, context: context)
        }
    }

    /// `GET /repositories/{code}/records/{id}`: the record with its history (a logged read).
    func recordPage(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        try request.checkQueryParameters(allowed: ["done", "lang"])
        return try await recordView(
            try context.code(), try context.recordID(), request, context, session,
            done: request.query("done").flatMap { ["created", "changed"].contains($0) ? $0 : nil })
    }

    private func recordView(
        _ code: String, _ id: RepositoryRecordID, _ request: Request, _ context: AppRequestContext, _ session: ActiveSession,
        form: FormEcho? = nil, done: String? = nil
    ) async throws -> HTMLPage {
        let principal = session.principal
        let opened = try await repositories.open(code, by: principal)
        let (definition, maintains) = (opened.definition, opened.maintains)
        let record = try await repositories.read(id, in: opened, now: clock.now())
        let names = try await RequestDirectory.load(
            Set([record.keeper] + record.versions.map(\.by.organisationID)), areas: [], database: database, language: context.language)
        let catalog = catalogs.catalog(for: context.language)
        let model = RepositoryRecordPage(
            definition: definition, record: record, changes: maintains && principal.organisation.id.uuid == record.keeper, names: names,
            catalog: catalog, time: LocalTime(for: principal), form: form, done: done)
        return views.render("repository-record", title: model.title, page: model, request: request, context: context, form: form)
    }

    /// `POST /repositories/{code}/records/{id}`: saves the change; a refused form comes back as typed.
    func postRecord(_ request: Request, _ context: AppRequestContext, _ session: ActiveSession) async throws -> some ResponseGenerator {
        let fields = try await request.form()
        let (code, id) = (try context.code(), try context.recordID())
        let opened = try await repositories.open(code, by: session.principal)
        let definition = opened.definition
        do {
            guard let version = fields["version"].flatMap({ Int($0) }) else { throw RequestError.invalidParameter("version", .malformed) }
            _ = try await repositories.change(
                id, in: opened, to: AlertFieldInput.values(of: definition.fields, from: fields), expectedVersion: version, now: clock.now())
            return Response(
                status: .seeOther, headers: [.location: Site.repositoryRecord.link(code, id.description, query: "done=changed")])
        } catch {
            let catalog = catalogs.catalog(for: context.language)
            guard
                let echo = FormEcho(
                    fields, refusedWith: error, formID: "change-record",
                    labels: AlertFieldInput.labels(of: definition.fields, in: context.language), catalog: catalog,
                    languages: catalogs.languages)
            else { throw error }
            return try await recordView(code, id, request, context, session, form: echo).response(from: request, context: context)
        }
    }
}
