import HTTPTypes
import Hummingbird
import OpenIMIApplication

/// Sets the client's address that sign-in throttling counts: the socket's peer, or, when that peer
/// is one of the configured trusted proxies, the right-most `X-Forwarded-For` entry that is not a
/// trusted proxy itself. A header from anyone else is ignored, so that a client cannot pick the
/// address its failures are counted against.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    /// The addresses of the reverse proxies in front of the server.
    let trustedProxies: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !trustedProxies.isEmpty else { return try await next(request, context) }
        var context = context
        context.remoteAddress = Self.client(
            peer: context.remoteAddress, forwardedFor: request.headers[values: Self.forwardedFor], trusted: trustedProxies)
        return try await next(request, context)
    }

    /// The client of a request that arrived from `peer` with the `X-Forwarded-For` values `forwardedFor`.
    static func client(peer: String, forwardedFor: [String], trusted: Set<String>) -> String {
        let trusted = Set(trusted.map(plain))
        let peer = plain(peer)
        guard trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }.map { plain($0.trimmingCharacters(in: .whitespaces)) }
        for hop in hops.reversed() where !trusted.contains(hop) {
            // A malformed entry is kept as it is (it is only a throttling key), but bounded.
            return String(hop.prefix(64))
        }
        return peer
    }

    /// `address` as one spelling: an IPv4 address mapped into IPv6 (`::ffff:10.0.0.5`, as a server
    /// listening on `::` sees IPv4 peers) as the IPv4 address, letters in lower case.
    static func plain(_ address: String) -> String {
        let lower = address.lowercased()
        return lower.hasPrefix("::ffff:") && lower.dropFirst(7).contains(".") ? String(lower.dropFirst(7)) : lower
    }
}
