import Foundation
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMITestSupport

/// Coordinators and authorities for persistence tests, registered through the real registries.
enum Samples {
    static func nationalCoordinator(_ state: String) -> Coordinator {
        Coordinator(
            id: CoordinatorID(UUID()), memberState: MemberStateCode(rawValue: state)!, scope: .national,
            name: LocalizedText([.en: "National IMI coordinator \(state)"]),
            address: PostalAddress(street: "Street 1", postcode: "1000", city: "Capital"),
            contact: Contact(email: "nimic@\(state.lowercased()).example"),
            appointedBy: nil)
    }

    static func authority(
        _ state: String, names: [Language: String], areas: [String] = ["professional-qualifications"], keywords: [String] = []
    ) -> Authority {
        Authority(
            id: AuthorityID(UUID()), memberState: MemberStateCode(rawValue: state)!, name: LocalizedText(names),
            address: PostalAddress(street: "Street 2", postcode: "2000", city: "Town"), contact: Contact(email: "office@authority.example"),
            legalAreas: areas, keywords: keywords, languages: [.en], status: .pending, registeredBy: CoordinatorID(UUID()))
    }

    /// Registers a national coordinator of `state` and returns it.
    static func registerNational(_ state: String, in database: any Database) async throws -> Coordinator {
        let coordinator = nationalCoordinator(state)
        try await CoordinatorRegistry(database: database).registerNational(coordinator, now: Date())
        return coordinator
    }

    /// Registers and validates `authority` through `coordinator`.
    @discardableResult
    static func registerValidated(_ authority: Authority, by coordinator: Coordinator, in database: any Database) async throws -> Authority
    {
        let registry = AuthorityRegistry(database: database)
        try await registry.register(authority, by: coordinator.id.uuid, now: Date())
        return try await registry.apply(.validate, to: authority.id.uuid, by: coordinator.id.uuid, now: Date())
    }

    /// Two validated authorities in Denmark and two in Slovenia, with their national coordinators,
    /// and `count` synthetic professional-qualifications requests between them, stored under `keys`.
    static func synthetic(
        requests count: Int, keys: DataKeyRing = TestKeys.ring(), in database: any Database
    ) async throws -> (coordinators: [Coordinator], authorities: [Authority], requests: [InformationRequest]) {
        let dk = try await registerNational("DK", in: database)
        let si = try await registerNational("SI", in: database)
        var authorities: [Authority] = []
        for (state, coordinator) in [("DK", dk), ("DK", dk), ("SI", si), ("SI", si)] {
            authorities.append(
                try await registerValidated(
                    authority(
                        state, names: [state == "DK" ? .da : .sl: "Organ \(authorities.count)", .en: "Authority \(authorities.count)"]),
                    by: coordinator, in: database))
        }
        let requests = SyntheticRequests.requests(
            count: count, procedure: "pq-information-request", legalArea: "professional-qualifications",
            questions: ["legally-established"], authorities: authorities.map { ($0.id, $0.memberState) }, now: Date())
        try await database.transaction { sql in
            try await RequestRepository(sql: sql, keys: keys).insert(batch: requests, now: Date())
        }
        return ([dk, si], authorities, requests)
    }
}
