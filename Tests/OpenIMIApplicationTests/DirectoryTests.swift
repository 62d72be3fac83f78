import Foundation
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMITestSupport
import SQLKit
import Testing

@testable import OpenIMIDomain

@Suite struct DirectoryTests {
    private func count(_ table: String, _ database: any Database) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?
            .decode(column: "n", as: Int.self) ?? -1
    }

    @Test func searchesNamesInAnyLanguageWithoutAccents() async throws {
        try await TestDatabase.withDatabase { database in
            let dk = try await Samples.registerNational("DK", in: database)
            let si = try await Samples.registerNational("SI", in: database)
            try await Samples.registerValidated(
                Samples.authority("DK", names: [.da: "Lægeforeningen", .en: "Danish Medical Association"], keywords: ["læger"]), by: dk,
                in: database)
            try await Samples.registerValidated(
                Samples.authority(
                    "SI", names: [.sl: "Zdravniška zbornica Slovenije", .en: "Medical Chamber of Slovenia"], areas: ["patients-rights"]),
                by: si, in: database)
            let repository = AuthorityRepository(sql: database.sql)
            #expect(
                try await repository.search(DirectoryQuery(name: "laegeforening")).items.map { $0.name.text(in: .da) } == ["Lægeforeningen"]
            )
            #expect(try await repository.search(DirectoryQuery(name: "ZDRAVNISKA")).total == 1)
            #expect(try await repository.search(DirectoryQuery(name: "medical")).total == 2)
            #expect(try await repository.search(DirectoryQuery(memberState: MemberStateCode(rawValue: "SI"), name: "medical")).total == 1)
            #expect(try await repository.search(DirectoryQuery(legalArea: "patients-rights")).total == 1)
            #expect(try await repository.search(DirectoryQuery(keyword: "laeger")).total == 1)
            #expect(try await repository.search(DirectoryQuery(name: "medical chamber")).total == 1)
            #expect(try await repository.search(DirectoryQuery(name: "nothing-like-this")).total == 0)
        }
    }

    @Test func pendingAuthoritiesStayOutOfThePublicDirectory() async throws {
        try await TestDatabase.withDatabase { database in
            let dk = try await Samples.registerNational("DK", in: database)
            let pending = Samples.authority("DK", names: [.da: "Ny styrelse", .en: "New agency"])
            try await AuthorityRegistry(database: database).register(pending, by: dk.id.uuid, now: Date())
            let repository = AuthorityRepository(sql: database.sql)
            #expect(try await repository.search(DirectoryQuery(name: "new")).total == 0)
            #expect(try await repository.search(DirectoryQuery(name: "new", status: .pending)).total == 1)
        }
    }

    @Test func paginatesInNameOrder() async throws {
        try await TestDatabase.withDatabase { database in
            let dk = try await Samples.registerNational("DK", in: database)
            let authorities = (0..<45).map { index in
                var authority = Samples.authority(
                    "DK", names: [.da: String(format: "Styrelse %02d", index), .en: String(format: "Agency %02d", index)])
                authority.status = .validated
                authority.registeredBy = dk.id
                return authority
            }
            try await database.transaction { sql in try await AuthorityRepository(sql: sql).insert(batch: authorities, now: Date()) }
            let repository = AuthorityRepository(sql: database.sql)
            let third = try await repository.search(DirectoryQuery(name: "agency", page: 3, perPage: 20))
            #expect(third.total == 45 && third.pageCount == 3 && !third.hasNext && third.hasPrevious)
            #expect(third.items.map { $0.name.text(in: .en) } == (40..<45).map { String(format: "Agency %02d", $0) })
        }
    }

    @Test func aCoordinatorOfAnotherStateChangesNothing() async throws {
        try await TestDatabase.withDatabase { database in
            let dk = try await Samples.registerNational("DK", in: database)
            let si = try await Samples.registerNational("SI", in: database)
            let registry = AuthorityRegistry(database: database)
            let danish = Samples.authority("DK", names: [.da: "Styrelsen", .en: "Agency"])
            await #expect(throws: DirectoryError.otherMemberState(actor: si.memberState, target: danish.memberState)) {
                try await registry.register(danish, by: si.id.uuid, now: Date())
            }
            #expect(try await count("authority", database) == 0)
            #expect(try await count("authority_search_token", database) == 0)
            try await registry.register(danish, by: dk.id.uuid, now: Date())
            await #expect(throws: DirectoryError.otherMemberState(actor: si.memberState, target: danish.memberState)) {
                try await registry.apply(.validate, to: danish.id.uuid, by: si.id.uuid, now: Date())
            }
            var renamed = danish
            renamed.name = LocalizedText([.da: "Overtaget", .en: "Taken over"])
            await #expect(throws: DirectoryError.self) { try await registry.change(renamed, by: si.id.uuid, now: Date()) }
            let stored = try await AuthorityRepository(sql: database.sql).find(danish.id.uuid)
            #expect(stored?.status == .pending && stored?.name.text(in: .en) == "Agency")
        }
    }

    @Test func registrationIsValidatedAndAtomic() async throws {
        try await TestDatabase.withDatabase { database in
            let dk = try await Samples.registerNational("DK", in: database)
            let registry = AuthorityRegistry(database: database)
            await #expect(throws: DirectoryError.invalidField("legalAreas", .notAllowed)) {
                try await registry.register(
                    Samples.authority("DK", names: [.da: "X", .en: "X"], areas: ["astrology"]), by: dk.id.uuid, now: Date())
            }
            #expect(try await count("authority", database) == 0)
            #expect(try await count("authority_legal_area", database) == 0)
        }
    }

    @Test func oneNationalCoordinatorPerStateAndAppointmentsByItOnly() async throws {
        try await TestDatabase.withDatabase { database in
            let dk = try await Samples.registerNational("DK", in: database)
            let coordinators = CoordinatorRegistry(database: database)
            await #expect(throws: DirectoryError.nationalCoordinatorExists(dk.memberState)) {
                try await coordinators.registerNational(Samples.nationalCoordinator("DK"), now: Date())
            }
            var area = Samples.nationalCoordinator("DK")
            area.scope = .area(legalAreas: ["services"])
            try await coordinators.appoint(area, by: dk.id.uuid, now: Date())
            var region = Samples.nationalCoordinator("DK")
            region.scope = .region("Midtjylland")
            await #expect(throws: DirectoryError.notNationalCoordinator) {
                try await coordinators.appoint(region, by: area.id.uuid, now: Date())
            }
            let si = try await Samples.registerNational("SI", in: database)
            await #expect(throws: DirectoryError.self) { try await coordinators.appoint(region, by: si.id.uuid, now: Date()) }
            let stored = try await CoordinatorRepository(sql: database.sql).all()
            #expect(stored.count == 3)
            #expect(stored.first { $0.id == area.id }?.appointedBy == dk.id)
            #expect(try await CoordinatorRepository(sql: database.sql).national(of: dk.memberState)?.id == dk.id)
        }
    }
}
