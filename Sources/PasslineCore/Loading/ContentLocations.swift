/// Where each located value of the content was written (`ContentKey` → file, line, column), filled by
/// the reader and asked by the checks.
struct ContentLocations: Sendable {
    private var table: [ContentKey: SourceLocation] = [:]
    /// The content folder as diagnostics name it: where a place is reported if a key and all its
    /// owners were never recorded (a bug in Passline, caught by `assertionFailure` in tests).
    var root = "Content"

    init() {}

    subscript(key: ContentKey) -> SourceLocation? {
        get { table[key] }
        set { table[key] = newValue }
    }

    /// The place of `key`, else of the value it belongs to (`ContentKey.owner`), nearest first.
    /// Every value in a loaded book has its own key recorded, so the owner chain always ends in a place.
    func at(_ key: ContentKey) -> SourceLocation {
        var next: ContentKey? = key
        while let key = next {
            if let location = table[key] { return location }
            next = key.owner
        }
        assertionFailure("no place recorded for \(key) nor for what it belongs to")
        return SourceLocation(path: root, line: 1)
    }

    /// Whether any key matching `test` has a place (e.g. any sentence of messages.md).
    func first(where test: (ContentKey) -> Bool) -> SourceLocation? {
        table.first { test($0.key) }?.value
    }

    var count: Int { table.count }

    /// Adds the places of `other` (what another reader read): a place of a unique value already here
    /// stays, and the new one comes back in `duplicates` to be reported; any other place replaces.
    mutating func merge(_ other: ContentLocations) -> [(location: SourceLocation, message: String)] {
        var duplicates: [(location: SourceLocation, message: String)] = []
        for (key, location) in other.table {
            if key.uniqueName != nil, let first = table[key] {
                duplicates.append((location, key.duplicateMessage(first: first)))
            } else {
                table[key] = location
            }
        }
        return duplicates
    }

    mutating func reserveCapacity(_ capacity: Int) { table.reserveCapacity(capacity) }
}
