import Foundation
import OpenIMIDomain
import OpenIMIPersistence
import OpenIMISecurity
import SQLKit

/// A demo user as listed in `demo.json`: per-area roles are granted in every legal area of the authority.
public struct DemoUser: Decodable, Sendable {
    public let username: String
    public let fullName: String
    public let organisation: String
    public let roles: [String]
}

/// The sign-in details of one demo user, as `seed-demo --output` writes them.
public struct DemoCredential: Codable, Sendable {
    /// Sign-in name.
    public let username: String
    /// Password.
    public let password: String
    /// One-time-code secret in base32, as an authenticator app takes it.
    public let totpSecret: String
    /// The secret's raw text (its UTF-8 bytes are the HMAC key), for scripts computing codes.
    public let totpSecretRaw: String
    /// "authority", "national-coordinator", "area-coordinator" or "platform".
    public let organisationKind: String
    /// The organisation's identifier.
    public let organisationId: String?
    /// The organisation's English name.
    public let organisation: String
    /// Its member state.
    public let memberState: String?
    /// The roles, as codes such as "request-handler:services".
    public let roles: [String]
}

extension DemoData {
    /// Creates the demo users that do not exist yet, or, with `refresh`, gives every demo user new
    /// credentials; returns the credentials it set (existing users are listed only when refreshed).
    public func loadUsers(into platform: Platform, refresh: Bool) async throws -> [DemoCredential] {
        let now = platform.clock.now()
        let repository = UserRepository(sql: platform.database.sql)
        var credentials: [DemoCredential] = []
        for demo in users {
            guard let reference = OrganisationID(reference: demo.organisation),
                let organisation = try await platform.identity.organisation(reference)
            else { throw DemoDataError.unknownOrganisation(demo.organisation) }
            let roles = Set(
                demo.roles.flatMap { code -> [Role] in
                    guard let kind = RoleKind(rawValue: code) else { return [] }
                    return kind.isPerLegalArea
                        ? organisation.legalAreas.sorted().compactMap { Role(kind: kind, legalArea: $0) }
                        : [Role(kind: kind, legalArea: nil)].compactMap { $0 }
                })
            let password = Self.password(random: platform.identity.random)
            let provisioned: ProvisionedCredentials
            if let existing = try await repository.record(username: demo.username), let existingID = UUID(uuidString: existing.id) {
                guard refresh else { continue }
                provisioned = try await platform.identity.reprovision(
                    UserID(existingID), username: demo.username, password: password, now: now)
            } else {
                let user = UserAccount(
                    id: UserID.random(), organisation: reference, username: demo.username, fullName: demo.fullName,
                    email: "\(demo.username)@demo.example", language: .en, status: .active, roles: roles, createdAt: now)
                provisioned = try await platform.identity.provision(user, password: password, now: now)
            }
            credentials.append(
                DemoCredential(
                    username: demo.username, password: password, totpSecret: provisioned.totpSecretBase32,
                    totpSecretRaw: provisioned.totpSecret,
                    organisationKind: reference.kind.rawValue, organisationId: reference.uuid?.uuidString.lowercased(),
                    organisation: organisationName(reference),
                    memberState: organisation.memberState?.rawValue, roles: roles.sorted().map(\.code)))
        }
        return credentials
    }

    private func organisationName(_ organisation: OrganisationID) -> String {
        switch organisation {
        case .platform: "Platform"
        case .authority(let id): authorities.first { $0.id.uuid == id.uuid }?.name.text(in: .en) ?? ""
        case .nationalCoordinator(let id), .areaCoordinator(let id): coordinators.first { $0.id.uuid == id.uuid }?.name.text(in: .en) ?? ""
        }
    }

    /// A random demo password of five groups of four letters and digits.
    private static func password(random: any SecureRandom) -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        let characters = random.bytes(20).map { alphabet[Int($0) % alphabet.count] }
        return stride(from: 0, to: 20, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }
}

/// A demo data file that does not fit the directory.
public enum DemoDataError: Error, CustomStringConvertible {
    case unknownOrganisation(String)

    public var description: String {
        switch self {
        case .unknownOrganisation(let reference): "Demo user refers to an unknown organisation: \(reference)"
        }
    }
}

extension DemoData {
    /// Writes demo credentials as JSON readable by the owner only.
    public static func write(
        _ credentials: [DemoCredential], requests: [DemoRequestEntry] = [], alerts: [DemoAlertEntry] = [],
        notifications: [DemoNotificationEntry] = [], repositoryRecords: [DemoRepositoryEntry] = [], to url: URL
    ) throws {
        struct Output: Encodable {
            let users: [DemoCredential]
            let requests: [DemoRequestEntry]
            let alerts: [DemoAlertEntry]
            let notifications: [DemoNotificationEntry]
            let repositoryRecords: [DemoRepositoryEntry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(
            Output(
                users: credentials, requests: requests, alerts: alerts, notifications: notifications, repositoryRecords: repositoryRecords))
        try? FileManager.default.removeItem(at: url)
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }
}
