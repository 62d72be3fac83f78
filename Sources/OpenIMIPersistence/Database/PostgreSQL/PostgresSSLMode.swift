/// libpq's `sslmode` values, with libpq's meaning. Without `sslmode` libpq (and OpenIMI) prefer TLS.
public enum PostgresSSLMode: String, Sendable, Hashable, CaseIterable {
    /// No TLS.
    case disable
    /// TLS if the server insists. PostgresNIO cannot try plain first, so this behaves as `prefer`.
    case allow
    /// TLS when the server offers it, else plain; the certificate is not checked.
    case prefer
    /// TLS or no connection; the certificate is not checked (libpq checks it only with a root certificate file).
    case require
    /// TLS with a certificate chain to a trusted root. The roots are the system's, so the host name is
    /// checked too (as libpq does for `sslrootcert=system`): any public certificate would pass otherwise.
    case verifyCA = "verify-ca"
    /// TLS with a trusted certificate whose name matches the host.
    case verifyFull = "verify-full"

    /// Whether a connection in this mode can only be encrypted.
    public var requiresTLS: Bool {
        switch self {
        case .disable, .allow, .prefer: false
        case .require, .verifyCA, .verifyFull: true
        }
    }
}
