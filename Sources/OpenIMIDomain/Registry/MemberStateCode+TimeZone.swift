extension MemberStateCode {
    /// The IANA time zone of the state's capital: the zone its users see times in unless they choose another.
    public var timeZoneIdentifier: String {
        Self.timeZones[rawValue] ?? "UTC"
    }

    private static let timeZones: [String: String] = [
        "AT": "Europe/Vienna", "BE": "Europe/Brussels", "BG": "Europe/Sofia", "HR": "Europe/Zagreb", "CY": "Asia/Nicosia",
        "CZ": "Europe/Prague", "DK": "Europe/Copenhagen", "EE": "Europe/Tallinn", "FI": "Europe/Helsinki", "FR": "Europe/Paris",
        "DE": "Europe/Berlin", "GR": "Europe/Athens", "HU": "Europe/Budapest", "IE": "Europe/Dublin", "IT": "Europe/Rome",
        "LV": "Europe/Riga", "LT": "Europe/Vilnius", "LU": "Europe/Luxembourg", "MT": "Europe/Malta", "NL": "Europe/Amsterdam",
        "PL": "Europe/Warsaw", "PT": "Europe/Lisbon", "RO": "Europe/Bucharest", "SK": "Europe/Bratislava", "SI": "Europe/Ljubljana",
        "ES": "Europe/Madrid", "SE": "Europe/Stockholm", "IS": "Atlantic/Reykjavik", "LI": "Europe/Vaduz", "NO": "Europe/Oslo",
    ]
}
