import Foundation
import Hummingbird
import OpenIMIApplication
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import OpenIMIWeb

/// The alert benchmark proper: data, a server on loopback, and the timed HTTP traffic.
struct AlertBenchmark {
    struct Settings: Sendable {
        let alerts: Int
        let requests: Int
        let repetitions: Int
        let sends: Int
        let port: Int
    }

    let platform: Platform
    let settings: Settings

    static let area: LegalAreaCode = "professional-qualifications"

    func run() async throws {
        let database = platform.database
        _ = try await DemoData.bundled().load(into: platform)
        let loadStart = ContinuousClock.now
        let authorities = try await loadAuthorities()
        _ = try await SyntheticLoad.requests(settings.requests, into: platform)
        guard let template = platform.alerts.templates["pq-alert"] else { throw BenchmarkError.missingDemoUser("pq-alert template") }
        let generated = SyntheticAlerts.alerts(
            count: settings.alerts, template: template, legalArea: Self.area, authorities: authorities, now: Date())
        for start in stride(from: 0, to: generated.count, by: 2_000) {
            let chunk = Array(generated[start..<min(start + 2_000, generated.count)])
            try await database.transaction { sql in
                try await AlertRepository(sql: sql, keys: platform.alerts.keys).insert(batch: chunk, now: Date())
            }
        }
        // Every state routes incoming alerts of the area automatically, so a send writes routing records too.
        try await database.transaction { sql in
            let rules = AlertRoutingRuleRepository(sql: sql)
            for (state, ids) in Dictionary(grouping: authorities, by: \.state) {
                try await rules.replace(state: state, legalArea: Self.area.rawValue, with: [ids[0].id], by: UUID(), at: Date())
            }
        }
        try await database.refreshStatistics()
        let rows = try await database.sql.raw("SELECT COUNT(*) AS n FROM alert_delivery").first()?.decode(column: "n", as: Int.self) ?? 0
        print(
            "Stored \(settings.requests) requests and \(settings.alerts) alerts (\(rows) deliveries) between \(authorities.count) authorities of 30 states in \(database.kind.rawValue) in \(ContinuousClock.now - loadStart)"
        )

        let users = ["dk.alerts", "si.alerts", "si.nimic", "dk.handler"]
        let random = SystemSecureRandom()
        var tokens: [String: (api: String, web: String)] = [:]
        for username in users {
            let principal = try await SyntheticLoad.principal(username, in: platform)
            tokens[username] = try await database.transaction { sql in
                let sessions = SessionStore(sql: sql)
                return (
                    try await sessions.create(for: principal.user, kind: .api, random: random, rule: SessionRule(), now: Date()).token,
                    try await sessions.create(for: principal.user, kind: .web, random: random, rule: SessionRule(), now: Date()).token
                )
            }
        }
        let dk = try await SyntheticLoad.principal("dk.alerts", in: platform)
        guard let dkID = dk.organisation.id.uuid?.uuidString.lowercased() else { throw BenchmarkError.missingDemoUser("dk.alerts") }
        let readable = try await database.sql.raw(
            """
            SELECT DISTINCT a.id FROM alert a LEFT JOIN alert_routing r ON r.alert_id = a.id
            WHERE a.retention_phase = 'active' AND (a.sender_id = \(bind: dkID) OR (r.authority_id = \(bind: dkID) AND a.state <> 'draft'))
            LIMIT 5000
            """
        ).all().map { try $0.decode(column: "id", as: String.self) }

        let app = Application(
            router: try await buildRouter(platform: platform).router,
            configuration: .init(address: .hostname("127.0.0.1", port: settings.port), serverName: "OpenIMI"), logger: platform.logger)
        try await InProcessServers.run([app], logger: platform.logger) {
            try await measure(client: BenchmarkClient(host: "127.0.0.1", port: settings.port), tokens: tokens, readable: readable)
        }
    }

    /// Two validated authorities of the area in each of the 30 states, with the demo ones.
    private func loadAuthorities() async throws -> [(id: UUID, state: MemberStateCode)] {
        let database = platform.database
        let states = try await RegistryRepository(sql: database.sql).memberStates().map(\.code)
        guard let registrar = try await CoordinatorRepository(sql: database.sql).national(of: MemberStateCode(rawValue: "DK")!) else {
            throw BenchmarkError.missingDemoUser("the Danish national coordinator")
        }
        let synthetic = states.flatMap { state in
            (0..<2).map { index in
                Authority(
                    id: AuthorityID(UUID()), memberState: state,
                    name: LocalizedText([.en: "Health Professions Board \(state.rawValue) \(index)"]),
                    address: PostalAddress(street: "Street \(index)", postcode: "1000", city: "Capital"),
                    contact: Contact(email: "board\(index)@\(state.rawValue.lowercased()).example"),
                    legalAreas: [Self.area.rawValue], keywords: [], languages: [.en], status: .validated,
                    registeredBy: registrar.id)
            }
        }
        try await database.transaction { sql in try await AuthorityRepository(sql: sql).insert(batch: synthetic, now: Date()) }
        return try await AuthorityRepository(sql: database.sql).search(
            try DirectoryQuery(legalArea: Self.area.rawValue, perPage: DirectoryQuery.maximumPerPage)
        ).items.map { (id: $0.id.uuid, state: $0.memberState) }
    }

    private func measure(client: BenchmarkClient, tokens: [String: (api: String, web: String)], readable: [String]) async throws {
        try await client.waitUntilUp()
        func bearer(_ user: String) -> [String: String] { ["Authorization": "Bearer \(tokens[user]!.api)"] }
        func cookie(_ user: String) -> [String: String] { ["Cookie": "openimi_session=\(tokens[user]!.web)"] }
        print("Danish alert handler: \(readable.count) readable alerts sampled")
        print("resource | p50 ms | p95 ms | p99 ms | max ms")
        let reads: [(String, @Sendable (Int) -> String, [String: String])] = [
            ("alert lists, sender (GET /api/v1/alerts, dk.alerts)", { _ in "/api/v1/alerts" }, bearer("dk.alerts")),
            ("alert lists, routed authority (GET /api/v1/alerts, si.alerts)", { _ in "/api/v1/alerts" }, bearer("si.alerts")),
            ("alert lists, coordinator (GET /api/v1/alerts, si.nimic)", { _ in "/api/v1/alerts" }, bearer("si.nimic")),
            ("alerts page (GET /alerts, dk.alerts)", { _ in "/alerts" }, cookie("dk.alerts")),
            ("request inbox (GET /api/v1/requests, dk.handler)", { _ in "/api/v1/requests" }, bearer("dk.handler")),
            ("home page (GET /, si.nimic)", { _ in "/" }, cookie("si.nimic")),
            (
                "alert resource (GET /api/v1/alerts/{id}, logged read)", { "/api/v1/alerts/\(readable[$0 % readable.count])" },
                bearer("dk.alerts")
            ),
            ("alert page (GET /alerts/{id}, logged read)", { "/alerts/\(readable[$0 % readable.count])" }, cookie("dk.alerts")),
        ]
        let repetitions = settings.repetitions
        try await client.withConnection { connection in
            for (label, path, headers) in reads {
                print(try await connection.timeReads(path, headers: headers, repetitions: repetitions).row(label))
            }
            // Sending to every other state: a fresh draft each time, the send alone timed.
            let draft = Data(
                #"{"procedure":"pq-alert","language":"en","values":{"family-names":"Bench","given-names":"Mark","profession":"Nurse","ground":"restricted","deciding-body":"Board","decision-date":"2026-01-05","scope":"Restricted","period-start":"2026-01-05","professional-informed":"yes"}}"#
                    .utf8)
            var sends = Latencies()
            let json = bearer("dk.alerts").merging(["Content-Type": "application/json"]) { first, _ in first }
            for _ in 0..<settings.sends {
                let (status, body) = try await connection.send("POST", "/api/v1/alerts", headers: json, body: draft)
                guard status == 201, let created = try JSONSerialization.jsonObject(with: body) as? [String: Any],
                    let id = created["id"] as? String
                else { throw BenchmarkError.unexpectedStatus("/api/v1/alerts", status) }
                let (sent, _) = try await sends.time {
                    try await connection.send(
                        "POST", "/api/v1/alerts/\(id)/steps", headers: json, body: Data(#"{"action":"send","version":1}"#.utf8))
                }
                guard sent == 200 else { throw BenchmarkError.unexpectedStatus("/api/v1/alerts/\(id)/steps", sent) }
            }
            print(sends.row("send to all 29 other states, routed automatically (POST /api/v1/alerts/{id}/steps)"))
        }
    }
}
