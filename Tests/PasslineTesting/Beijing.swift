import Foundation
import PasslineCore

/// A Beijing-time instant written as the notice writes it, e.g. `beijing("2025-02-10T10:00")`, so a
/// test states its moment the way the content does.
public func beijing(_ text: String) -> Date {
    guard let date = Instant.parse(text + "+08:00") else { preconditionFailure("not a Beijing instant: \(text)") }
    return date
}
