import Foundation
import OpenIMIDomain

extension AppConfig {
    /// Reads the machine-translation settings: `OPENIMI_TRANSLATION_URL` turns it on.
    public static func resolveTranslation(into config: inout AppConfig, value: (Key) -> String?, problems: inout [String]) {
        guard let text = value(.translationURL) else {
            for key in [Key.translationProvider, .translationCredentialsFile, .translationEngineName, .translationTimeout]
            where value(key) != nil {
                problems.append("\(key.rawValue) is set but \(Key.translationURL.rawValue) is not")
            }
            return
        }
        guard let url = URL(string: text), let host = url.host, url.scheme == "https" || (url.scheme == "http" && isLoopback(host)) else {
            problems.append(
                "\(Key.translationURL.rawValue) must be an https address (plain http only on loopback): the text sent is personal data, got \"\(text)\""
            )
            return
        }
        var kind = TranslationProviderKind.libretranslate
        if let name = value(.translationProvider) {
            guard let chosen = TranslationProviderKind(rawValue: name) else {
                problems.append(
                    "\(Key.translationProvider.rawValue) must be one of \(TranslationProviderKind.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(name)\""
                )
                return
            }
            kind = chosen
        }
        var settings = TranslationSettings(
            kind: kind, url: url, engineName: value(.translationEngineName), credentialsFile: value(.translationCredentialsFile))
        if kind == .etranslation, settings.credentialsFile == nil {
            problems.append("\(Key.translationCredentialsFile.rawValue) is required for eTranslation (application-name:password)")
        }
        if kind == .etranslation, config.publicURL == nil {
            problems.append(
                "\(Key.publicURL.rawValue) is required for eTranslation: its answers are posted to \(MachineTranslationService.callbackPath) there"
            )
        }
        if let seconds = value(.translationTimeout) {
            if let number = Int(seconds), (1...120).contains(number) {
                settings.timeoutSeconds = number
            } else {
                problems.append("\(Key.translationTimeout.rawValue) must be a number of seconds from 1 to 120, got \"\(seconds)\"")
            }
        }
        config.translation = settings
    }

    /// Whether `host` is this machine: a service there may be reached over plain http.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}
