// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "OpenIMI",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "openimi", targets: ["openimi"])
    ],
    dependencies: [
        // HTTP server, router, middleware and the in-process test client.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        // Logic-less templates shipped as resources: escaped by default.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        // Password hashing (bcrypt) and time-based one-time codes (RFC 6238).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        // AES-GCM for secrets at rest, SHA-256 for token hashes, secure randomness.
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // The platform's signing certificate and certificate signing requests (X.509, PEM).
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        // One SQL code path over SQLite and PostgreSQL.
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        // SQLite's dialect and value coding; its sqlite-nio brings the SQLite library itself
        // (module VaporCSQLite, with prefixed symbols), which SQLiteHandle calls directly.
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        // PostgresClient: the modern connection pool, run as a service.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        // TLS for calls to a machine-translation service (already built for postgres-nio).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // Header names beyond those Hummingbird re-exports.
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        // Counters, gauges and timers, exposed to Prometheus at /metrics.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        .target(name: "OpenIMIDomain"),
        // The one SQLite setting Swift cannot make itself (a variadic C call).
        .target(name: "CSQLiteSettings"),
        .target(
            name: "OpenIMISecurity",
            dependencies: [
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            resources: [.copy("Resources/common-passwords.txt")]
        ),
        // Signed PDF documents: TrueType embedding and subsetting, page layout, CMS signatures.
        .target(
            name: "OpenIMIPDF",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(
            name: "OpenIMIPersistence",
            dependencies: [
                "OpenIMIDomain",
                "OpenIMISecurity",
                "CSQLiteSettings",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [
                .copy("Resources/ReferenceData"), .copy("Resources/QuestionSets"), .copy("Resources/AlertTemplates"),
                .copy("Resources/Repositories"),
                .copy("Resources/DataTranslations"),
            ]
        ),
        // The use cases between the domain and the web: services, the platform, its configuration,
        // catalogs, e-mail, printed documents and demo data.
        .target(
            name: "OpenIMIApplication",
            dependencies: [
                "OpenIMIDomain",
                "OpenIMIPersistence",
                "OpenIMISecurity",
                "OpenIMIPDF",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // The SMTP client of the mail outbox and the HTTP clients of the witnesses and translators.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                // A benchmark stops its servers and removes its throw-away database when interrupted.
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources/Translations"), .copy("Resources/DemoData"), .copy("Resources/Glossary")]
        ),
        .target(
            name: "OpenIMIWeb",
            dependencies: [
                "OpenIMIApplication",
                "OpenIMIDomain",
                "OpenIMIPersistence",
                "OpenIMISecurity",
                "OpenIMIPDF",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [
                .copy("Resources/Templates"),
                .copy("Resources/Public"),
                .copy("Resources/openapi.json"),
            ]
        ),
        .executableTarget(
            name: "openimi",
            dependencies: [
                "OpenIMIApplication",
                // Only for `serve`: the HTTP server on top of the application layer.
                "OpenIMIWeb",
                "OpenIMIPersistence",
                "OpenIMISecurity",
                "OpenIMIPDF",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Logging", package: "swift-log"),
                // The benchmark's load generator: plain keep-alive HTTP/1.1 connections.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "OpenIMITestSupport",
            dependencies: [
                "OpenIMIPersistence",
                "OpenIMISecurity",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/OpenIMITestSupport"
        ),
        .testTarget(
            name: "OpenIMIDomainTests",
            dependencies: ["OpenIMIDomain"]
        ),
        .testTarget(
            name: "OpenIMIPDFTests",
            dependencies: [
                "OpenIMIPDF",
                "OpenIMISecurity",
                "OpenIMITestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .testTarget(
            name: "OpenIMISecurityTests",
            dependencies: [
                "OpenIMISecurity",
                "OpenIMITestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
            ]
        ),
        .testTarget(
            name: "OpenIMIPersistenceTests",
            dependencies: [
                "OpenIMIDomain",
                "OpenIMIPersistence",
                "OpenIMITestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                // To tell a refused privilege (SQLSTATE 42501) from other PostgreSQL errors.
                .product(name: "PostgresNIO", package: "postgres-nio"),
                // To compare rows read directly with PostgresKit's reading of them.
                .product(name: "PostgresKit", package: "postgres-kit"),
            ]
        ),
        .testTarget(
            name: "OpenIMIApplicationTests",
            dependencies: [
                "OpenIMIApplication",
                "OpenIMIDomain",
                "OpenIMIPersistence",
                "OpenIMISecurity",
                "OpenIMITestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "OpenIMIWebTests",
            dependencies: [
                "OpenIMIApplication",
                "OpenIMIWeb",
                "OpenIMISecurity",
                "OpenIMIPersistence",
                "OpenIMIDomain",
                "OpenIMIPDF",
                "OpenIMITestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // The Digest check of the stand-in translation service.
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
