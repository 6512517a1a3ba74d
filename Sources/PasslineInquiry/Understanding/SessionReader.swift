import Foundation
import PasslineCore

/// Reads exam sittings: `2023年下半年`, `23年下半年`, `24上`, `2024下`, `去年下半年`, `2023年度`, and a half
/// said alone (`下半年`). Relative years count from the instant asked about, in Beijing time.
public struct SessionReader: Sendable {
    public struct Found: Sendable, Hashable {
        public var mention: SessionMention?
        public var halfOnly: Int?
        /// Character range in the text, so scores are not read out of a year.
        public var range: Range<Int>
    }

    let relativeYears: [Lexicon.Entry<Int>]

    public init(relativeYears: [Lexicon.Entry<Int>]) { self.relativeYears = relativeYears }

    static let halves: [(String, Int)] = [("上半年", 1), ("下半年", 2), ("上半", 1), ("下半", 2), ("上", 1), ("下", 2)]

    /// Sessions in order of appearance; dates (`2025年2月28日`) are not sessions.
    public func read(_ text: String, now: Date) -> [Found] {
        let currentYear = Self.year(of: now)
        var found: [Found] = []
        var taken = IndexSet()
        func offset(_ index: String.Index) -> Int { text.distance(from: text.startIndex, to: index) }
        func record(_ mention: SessionMention?, half: Int? = nil, _ range: Range<String.Index>) {
            let r = offset(range.lowerBound)..<offset(range.upperBound)
            guard !taken.intersects(integersIn: r) else { return }
            taken.insert(integersIn: r)
            found.append(Found(mention: mention, halfOnly: half, range: r))
        }

        // Dates are not sessions: remember their spans first.
        let hasDigits = text.utf8.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        for match in hasDigits ? text.matches(of: Self.date) : [] {
            taken.insert(integersIn: offset(match.range.lowerBound)..<offset(match.range.upperBound))
        }
        let dated = taken
        for match in hasDigits ? text.matches(of: Self.numeric) : [] {
            let yearText = String(match.1)
            guard yearText.count == 2 || yearText.count == 4, var year = Int(yearText) else { continue }
            if match.range.lowerBound > text.startIndex, text[text.index(before: match.range.lowerBound)] == "." { continue }
            if match.2 == nil && match.3 == nil, text[match.range.upperBound...].first == "." { continue }
            let hasYearWord = match.2 != nil
            let half = match.3.flatMap { h in Self.halves.first { $0.0 == String(h) }?.1 }
            if yearText.count == 2 {
                // A two-digit number is a year only when marked as one (`23年`, `24上`) and plausible.
                guard hasYearWord || half != nil, (15...40).contains(year) else { continue }
                year += 2000
            } else if !hasYearWord && half == nil {
                // A bare four-digit number counts only as a plausible exam year.
                guard (2015...2040).contains(year) else { continue }
            }
            if match.2 == "年", half == nil, text[match.range.upperBound...].first == "月" { continue }
            let r = offset(match.range.lowerBound)..<offset(match.range.upperBound)
            if dated.intersects(integersIn: r) { continue }
            record(SessionMention(year: year, half: half), match.range)
        }
        for entry in relativeYears where text.containsText(entry.word) {
            var start = text.startIndex
            while let range = text.range(of: entry.word, range: start..<text.endIndex) {
                var end = range.upperBound
                var half: Int?
                for (word, value) in Self.halves.prefix(4) where text[end...].hasPrefix(word) {
                    half = value
                    end = text.index(end, offsetBy: word.count)
                    break
                }
                record(SessionMention(year: currentYear + entry.value, half: half), range.lowerBound..<end)
                start = range.upperBound
            }
        }
        for (word, value) in Self.halves.prefix(2) where text.containsText(word) {
            var start = text.startIndex
            while let range = text.range(of: word, range: start..<text.endIndex) {
                record(nil, half: value, range)
                start = range.upperBound
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // Built once per process, not per question (a regex literal is parsed and compiled each time it
    // is evaluated). `Regex` is not `Sendable`; these are never mutated, and matching only reads them.
    nonisolated(unsafe) static let date = #/(?:[0-9]{4}年)?[0-9]{1,2}月[0-9]{1,2}(?:日|号)?/#
    nonisolated(unsafe) static let numeric = #/([0-9]+)(年度|年)?(上半年|下半年|上半|下半|上|下)?/#

    static func year(of date: Date) -> Int {
        Int(Instant.day(date).prefix(4)) ?? 0
    }
}
