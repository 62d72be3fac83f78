import PostgresNIO

extension PostgresSSLMode {
    /// The PostgresNIO TLS setting of this mode.
    var clientTLS: PostgresClient.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch self {
        case .disable:
            return .disable
        case .allow, .prefer:
            configuration.certificateVerification = .none
            return .prefer(configuration)
        case .require:
            configuration.certificateVerification = .none
            return .require(configuration)
        case .verifyCA, .verifyFull:
            // Checked against the system's roots, so the host name is checked as well: without it
            // any publicly issued certificate would pass (libpq does the same for sslrootcert=system).
            configuration.certificateVerification = .fullVerification
            return .require(configuration)
        }
    }
}
