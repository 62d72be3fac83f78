import Foundation
import OpenIMIDomain
import OpenIMISecurity
import SQLKit

/// Stores alerts: the row with its content (every version) sealed under the alert's own data key,
/// one delivery per recipient member state, the authorities it was routed to and its steps.
public struct AlertRepository: Sendable {
    /// The database or transaction to work in.
    public let sql: any SQLDatabase
    /// The master keys wrapping the alerts' data keys.
    public let keys: DataKeyRing

    /// Creates a repository over `sql`, sealing with data keys wrapped by `keys`.
    public init(sql: any SQLDatabase, keys: DataKeyRing) {
        self.sql = sql
        self.keys = keys
    }

    var dataKeys: DataKeyRepository { DataKeyRepository(sql: sql, ring: keys, owner: .alert) }

    static func contentContext(_ id: String) -> String { "alert/\(id)/contents" }

    /// The SHA-256 of an alert's personal data (every version of its content), for the log and receipts.
    public static func personalDataDigest(of alert: Alert) -> String {
        ContentDigest.sha256(Data(JSONText.encode(alert.contents).utf8))
    }

    /// Inserts a new alert with a new data key. Run inside a transaction.
    public func insert(_ alert: Alert, decisionDay: Date?, now: Date) async throws {
        let id = alert.id.description
        let new = try dataKeys.newKey()
        try await sql.insert(into: "alert")
            .columns(
                "id", "number", "procedure", "legal_area", "template_version", "sender_id", "sender_state", "state", "version",
                "personal_data",
                "decision_day", "created_at", "updated_at", "sent_at", "finished_at"
            )
            .values(
                SQLBind(id), SQLBind(alert.number.description), SQLBind(alert.procedure.rawValue), SQLBind(alert.legalArea.rawValue),
                SQLBind(alert.templateVersion),
                SQLBind(alert.sender.uuidString.lowercased()), SQLBind(alert.senderState.rawValue), SQLBind(alert.state.rawValue),
                SQLBind(alert.version), SQLBind(try new.key.seal(JSONText.encode(alert.contents), context: Self.contentContext(id))),
                SQLBind(decisionDay?.epochSeconds), SQLBind(now.epochSeconds), SQLBind(now.epochSeconds),
                SQLBind(alert.sentAt?.epochSeconds), SQLBind(alert.finishedAt?.epochSeconds)
            ).run()
        try await dataKeys.store([(id, new)], now: now)
        try await writeDeliveries(of: alert, now: now)
        try await insertSteps(of: alert, from: 0)
        if alert.state != .draft { try await index([alert]) }
    }

    /// Saves `alert` if it is still at `expectedVersion`, when it had `storedSteps` steps; false
    /// when someone else changed it first. Run inside a transaction.
    public func update(_ alert: Alert, expectedVersion: Int, storedSteps: Int, decisionDay: Date?, now: Date) async throws -> Bool {
        let id = alert.id.description
        let key = try await dataKeys.key(for: id)
        let updated = try await sql.update("alert")
            .set("state", to: alert.state.rawValue).set("version", to: alert.version)
            .set("personal_data", to: try key.seal(JSONText.encode(alert.contents), context: Self.contentContext(id)))
            .set("decision_day", to: decisionDay?.epochSeconds).set("updated_at", to: now.epochSeconds)
            .set("sent_at", to: alert.sentAt?.epochSeconds).set("finished_at", to: alert.finishedAt?.epochSeconds)
            .set("notice_language", to: alert.noticeLanguage?.rawValue)
            .where("id", .equal, id).where("version", .equal, expectedVersion).returning("id").all()
        guard !updated.isEmpty else { return false }
        try await writeDeliveries(of: alert, now: now)
        try await insertSteps(of: alert, from: storedSteps)
        // A draft is not indexed: only what was sent can be found, so drafts cannot crowd out a search.
        // Only sending and amending change what is indexed; routing and acknowledging leave it alone.
        if alert.state != .draft, alert.steps.dropFirst(storedSteps).contains(where: { $0.action == .send || $0.action == .amend }) {
            // Rebuilt, not added to: a rectification removes a value from every version, and its token must go too.
            try await sql.delete(from: "alert_subject_index").where("alert_id", .equal, id).run()
            try await index([alert])
        }
        return true
    }

    /// What decides who may see alert `id`, read without opening its personal data, with whether
    /// its data are in use; `commissionInformed` tells it from the procedure.
    public func facts(
        of id: AlertID, commissionInformed: (String) -> Bool
    ) async throws -> (facts: AlertFacts, retentionPhase: RetentionPhase)? {
        guard
            let row = try await sql.select().columns("procedure", "sender_id", "sender_state", "legal_area", "state", "retention_phase")
                .from("alert").where("id", .equal, id.description).first()
        else { return nil }
        let deliveries = try await sql.select().columns("member_state").from("alert_delivery").where("alert_id", .equal, id.description)
            .all().map { try $0.decode(column: "member_state", as: MemberStateCode.self, table: "alert_delivery") }
        let routed = try await sql.select().columns("authority_id").from("alert_routing").where("alert_id", .equal, id.description)
            .all().map { try $0.decodeUUID(column: "authority_id", table: "alert_routing") }
        let facts = AlertFacts(
            sender: try row.decodeUUID(column: "sender_id", table: "alert"),
            senderState: try row.decode(column: "sender_state", as: MemberStateCode.self, table: "alert"),
            legalArea: try row.decode(column: "legal_area", as: String.self),
            state: try row.decode(column: "state", as: AlertState.self, table: "alert"),
            recipientStates: Set(deliveries), routedTo: Set(routed),
            commissionInformed: commissionInformed(try row.decode(column: "procedure", as: String.self)))
        return (facts, try row.decode(column: "retention_phase", as: RetentionPhase.self, table: "alert"))
    }

    /// The alert `id` with its content, deliveries and steps.
    public func find(_ id: AlertID) async throws -> Alert? {
        let key = id.description
        guard let row = try await sql.select().column("*").from("alert").where("id", .equal, key).first() else { return nil }
        let dataKey = try await dataKeys.key(for: key)
        let contents = try JSONText.decode(
            [AlertContent].self,
            from: try dataKey.open(try row.decode(column: "personal_data", as: String.self), context: Self.contentContext(key)))
        var routed: [MemberStateCode: Set<UUID>] = [:]
        var acknowledged: [MemberStateCode: Set<UUID>] = [:]
        for routing in try await sql.select().column("*").from("alert_routing").where("alert_id", .equal, key).all() {
            let state = try routing.decode(column: "member_state", as: MemberStateCode.self, table: "alert_routing")
            let authority = try routing.decodeUUID(column: "authority_id", table: "alert_routing")
            routed[state, default: []].insert(authority)
            if try routing.decode(column: "acknowledged", as: Bool.self) { acknowledged[state, default: []].insert(authority) }
        }
        var deliveries: [MemberStateCode: AlertDelivery] = [:]
        for delivery in try await sql.select().column("*").from("alert_delivery").where("alert_id", .equal, key).all() {
            let state = try delivery.decode(column: "member_state", as: MemberStateCode.self, table: "alert_delivery")
            deliveries[state] = AlertDelivery(
                state: try delivery.decode(column: "state", as: AlertDeliveryState.self, table: "alert_delivery"),
                routedTo: routed[state] ?? [], acknowledgedBy: acknowledged[state] ?? [])
        }
        let steps = try await sql.select().column("*").from("alert_step").where("alert_id", .equal, key).orderBy("position").all().map {
            step in
            AlertStep(
                action: try step.decodeIfPresent(column: "action", as: AlertAction.self, table: "alert_step"),
                memberState: try step.decode(column: "member_state", as: String?.self).flatMap(MemberStateCode.init(rawValue:)),
                actor: StepActor(
                    userID: UserID(try step.decodeUUID(column: "user_id", table: "alert_step")),
                    organisationID: try step.decodeUUID(column: "organisation_id", table: "alert_step")),
                at: Date(timeIntervalSince1970: TimeInterval(try step.decode(column: "at", as: Int64.self))),
                routedTo: try JSONText.decodeStrings(try step.decode(column: "routed_to", as: String.self)).compactMap(
                    UUID.init(uuidString:)),
                automatic: try step.decode(column: "automatic", as: Bool.self))
        }
        guard let number = AlertNumber(try row.decode(column: "number", as: String.self)) else {
            throw PersistenceError.corruptRow(table: "alert", key: key)
        }
        return Alert(
            stored: AlertID(try row.decodeUUID(column: "id", table: "alert")),
            number: number,
            procedure: try row.decode(column: "procedure", as: ProcedureCode.self, table: "alert"),
            legalArea: try row.decode(column: "legal_area", as: LegalAreaCode.self, table: "alert"),
            templateVersion: try row.decode(column: "template_version", as: Int.self),
            sender: try row.decodeUUID(column: "sender_id", table: "alert"),
            senderState: try row.decode(column: "sender_state", as: MemberStateCode.self, table: "alert"),
            state: try row.decode(column: "state", as: AlertState.self, table: "alert"),
            version: try row.decode(column: "version", as: Int.self),
            contents: contents, deliveries: deliveries, steps: steps,
            sentAt: try row.decode(column: "sent_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map { Date(timeIntervalSince1970: TimeInterval($0)) },
            noticeLanguage: try row.decode(column: "notice_language", as: String?.self).flatMap(Language.init(rawValue:)))
    }

    func writeDeliveries(of alert: Alert, now: Date) async throws {
        let id = alert.id.description
        guard !alert.deliveries.isEmpty else { return }
        // One statement for the deliveries and one for the routings, whatever the number of states.
        let deliveries = sql.insert(into: "alert_delivery").columns("alert_id", "member_state", "state", "updated_at")
        let routings = sql.insert(into: "alert_routing").columns("alert_id", "authority_id", "member_state", "acknowledged", "updated_at")
        var routed = false
        for (state, delivery) in alert.deliveries.sorted(by: { $0.key < $1.key }) {
            deliveries.values(SQLBind(id), SQLBind(state.rawValue), SQLBind(delivery.state.rawValue), SQLBind(now.epochSeconds))
            for authority in delivery.routedTo.sorted(by: { $0.uuidString < $1.uuidString }) {
                routed = true
                routings.values(
                    SQLBind(id), SQLBind(authority.uuidString.lowercased()), SQLBind(state.rawValue),
                    SQLBind(delivery.acknowledgedBy.contains(authority)), SQLBind(now.epochSeconds))
            }
        }
        try await deliveries.onConflict(with: ["alert_id", "member_state"]) {
            $0.set(excludedValueOf: "state").set(excludedValueOf: "updated_at")
        }.run()
        if routed {
            try await routings.onConflict(with: ["alert_id", "authority_id"]) {
                $0.set(excludedValueOf: "acknowledged").set(excludedValueOf: "updated_at")
            }.run()
        }
    }

    private func insertSteps(of alert: Alert, from start: Int) async throws {
        guard start < alert.steps.count else { return }
        let insert = sql.insert(into: "alert_step")
            .columns("alert_id", "position", "action", "member_state", "user_id", "organisation_id", "at", "routed_to", "automatic")
        for (position, step) in alert.steps.enumerated().dropFirst(start) {
            insert.values(
                SQLBind(alert.id.description), SQLBind(position), SQLBind(step.action?.rawValue), SQLBind(step.memberState?.rawValue),
                SQLBind(step.actor.userID.description), SQLBind(step.actor.organisationID.uuidString.lowercased()),
                SQLBind(step.at.epochSeconds), SQLBind(JSONText.encode(step.routedTo.map { $0.uuidString.lowercased() })),
                SQLBind(step.automatic))
        }
        try await insert.run()
    }

    /// Alerts still holding personal data that were closed or withdrawn at or before `date`.
    public func finished(atOrBefore date: Date, limit: Int) async throws -> [AlertID] {
        try await sql.select().column("id").from("alert").where("retention_phase", .equal, RetentionPhase.active.rawValue)
            .where("finished_at", .lessThanOrEqual, date.epochSeconds).orderBy("finished_at").limit(limit).all()
            .map { AlertID(try $0.decodeUUID(column: "id", table: "alert")) }
    }

    /// Deletes the personal data of alert `id`: destroys its data key (false when it is already
    /// gone), empties the sealed content and keeps `receipt`. Run inside a transaction.
    public func erasePersonalData(of id: AlertID, at date: Date, receipt: String) async throws -> Bool {
        guard try await dataKeys.destroy(id.description) else { return false }
        try await sql.delete(from: "alert_subject_index").where("alert_id", .equal, id.description).run()
        try await sql.update("alert").set("personal_data", to: "").set("retention_phase", to: RetentionPhase.deleted.rawValue)
            .set("deleted_at", to: date.epochSeconds).where("id", .equal, id.description).run()
        try await sql.insert(into: "alert_deletion_receipt").columns("alert_id", "deleted_at", "receipt")
            .values(SQLBind(id.description), SQLBind(date.epochSeconds), SQLBind(receipt)).run()
        return true
    }

    /// Locks alert `id`'s row until the transaction ends, so that a run beside this one waits.
    public func lock(_ id: AlertID) async throws {
        try await sql.update("alert").set("retention_phase", to: SQLColumn("retention_phase")).where("id", .equal, id.description).run()
    }
}
