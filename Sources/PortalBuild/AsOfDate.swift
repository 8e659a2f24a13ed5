import Foundation
import PortalModel

/// Decides the one date a build treats as today: `--as-of`, else `SOURCE_DATE_EPOCH`, else the current date.
enum AsOfDate {
    static func resolve(explicit: LocalDate?, environment: [String: String], now: Date = Date()) -> LocalDate {
        if let explicit { return explicit }
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0.trimmingHorizontalWhitespace()) }) {
            return LocalDate(unixSeconds: epoch)
        }
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: now)
        return LocalDate(year: components.year ?? 1970, month: components.month ?? 1, day: components.day ?? 1)
    }
}
