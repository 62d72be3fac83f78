import Foundation
import Hummingbird
import Metrics
import OpenIMIApplication
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// `GET /metrics`: the Prometheus text format, for a scraper holding the bearer token configured
/// in `OPENIMI_METRICS_TOKEN_FILE`. Without that setting the address does not exist (404); a
/// missing or wrong token gets 401. The labels carry route templates, methods, statuses, job
/// names and reasons, never an id or anything about a person.
struct MetricsController: Sendable {
    /// The token a scrape must present; nil when metrics are off.
    let token: String?
    /// For the gauges read at each scrape.
    let database: any Database
    /// The clock, for the age of the last checkpoint.
    let clock: any AppClock

    func addRoutes(to routes: Routes) {
        routes.public(Site.metrics, use: metrics)
    }

    /// `GET /metrics`.
    func metrics(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let token else { throw RequestError.notFound }
        let presented = request.headers[.authorization].flatMap { $0.lowercased().hasPrefix("bearer ") ? String($0.dropFirst(7)) : nil }
        guard let presented, constantTimeEquals(presented, token) else {
            return Response(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"metrics\"", .cacheControl: "no-store"])
        }
        try await readGauges()
        var text: [UInt8] = []
        MetricsRegistry.shared.emit(into: &text)
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: text)))
    }

    /// The access log's size, its queue and the age of its newest checkpoint, read now.
    private func readGauges() async throws {
        let row = try await database.sql.raw(
            """
            SELECT (SELECT COALESCE(MAX(seq) + 1, 0) FROM log_chain) AS entries, (SELECT MAX(at) FROM log_checkpoint) AS signed
            """
        ).first()
        let queue = try await LogChain(sql: database.sql).queued()
        let entries = try row?.decode(column: "entries", as: Int64.self) ?? 0
        Gauge(label: "openimi_access_log_entries").record(entries)
        Gauge(label: "openimi_access_log_queued").record(queue.count)
        Gauge(label: "openimi_access_log_queue_age_seconds").record(queue.oldest.map { max(0, clock.now().epochSeconds - $0) } ?? 0)
        if let signed = try row?.decode(column: "signed", as: Int64?.self) {
            Gauge(label: "openimi_checkpoint_age_seconds").record(max(0, clock.now().epochSeconds - signed))
        }
    }
}
