import Foundation
import PasslineCore

/// The place question's search box data, from `PlaceLookup`: every name it recognises with the
/// outcome the lookup gives, so that flow.js only looks names up and never decides. One file shared
/// by every place page (the browser caches it), a script so that it loads from disk (file://).
///
/// `n`: name → [outcome, kind, area index, canonical name or 0 when the same]; outcomes are the
/// indices of `PlaceLookup.Outcome.allCases`, kinds rank a name found inside a longer text (a listed
/// place 3, a city 2, outside every category 1, a region 0), as `PlaceLookup.rank` does.
/// `a`: per area [region, sources page anchor, the reader's confidence word from messages.md]; `p`: counties to ask for, by place.
struct PlaceData {
    static let page = "places.js"

    let lookup: PlaceLookup

    func script() throws -> String {
        let book = lookup.book
        let areaIndex = Dictionary(uniqueKeysWithValues: book.areas.enumerated().map { ($1.id, $0) })
        var names: [String: [PlaceValue]] = [:]
        var counties: [String: [String]] = [:]
        for entry in lookup.entries {
            let answer = lookup.answer(for: entry)
            let outcome = PlaceLookup.Outcome.allCases.firstIndex(of: answer.outcome) ?? 0
            let kind = PlaceLookup.rank(entry).0
            let area = answer.area.flatMap { areaIndex[$0.id] } ?? -1
            names[entry.name] = [.int(outcome), .int(kind), .int(area), entry.canonical == entry.name ? .int(0) : .text(entry.canonical)]
            if !answer.counties.isEmpty { counties[entry.canonical] = answer.counties }
        }
        let areas: [[String]] = book.areas.map { area in
            let answer = lookup.lookUp(area.region)
            return [area.region, weakestSource(answer) ?? "", answer.confidence.flatMap(book.confidenceWord) ?? ""]
        }
        let data = PlaceFile(n: names, a: areas, p: counties)
        let json = String(decoding: try RuleBook.jsonEncoder().encode(data), as: UTF8.self)
        return "passlinePlaces(" + json.replacingOccurrences(of: "<", with: "\\u003c") + ");\n"
    }

    /// The source an answer is least sure of: the one the reader should look at.
    func weakestSource(_ answer: PlaceLookup.Answer) -> String? {
        answer.sources.min { PlaceLookup.strength($0.confidence) < PlaceLookup.strength($1.confidence) }?.id
    }

    struct PlaceFile: Encodable {
        let n: [String: [PlaceValue]]
        let a: [[String]]
        let p: [String: [String]]
    }

    enum PlaceValue: Encodable {
        case int(Int), text(String)
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case let .int(v): try c.encode(v)
            case let .text(v): try c.encode(v)
            }
        }
    }
}
