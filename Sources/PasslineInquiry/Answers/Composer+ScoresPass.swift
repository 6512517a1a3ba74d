import Foundation
import PasslineCore

extension Composer {
    /// Scores at or above the line while the category is still open: what the scores settle, the two
    /// ways the notice lets a candidate apply, and then one question — the county where a city or an
    /// incomplete list cannot decide, whether they work there when only where they live was said, or
    /// else which of the two categories they are.
    func scoresPass(_ draft: inout Draft, _ verdict: Verdict, _ slots: Slots) -> Draft {
        let local = notice?.clause(role: .local) ?? "", relocated = notice?.clause(role: .relocated) ?? ""
        let session = verdict.session.flatMap { id in book.session(exam: verdict.exam ?? "", id: id)?.label } ?? ""
        draft.add(
            replies.say(
                "eligibility.scores-pass",
                [
                    "session": session, "threshold": verdict.threshold.map(Score.text) ?? "",
                    "local": local, "relocated": relocated
                ]))
        if let id = verdict.notice { for clause in verdict.clauses { draft.cite(.notice(id: id, clause: clause)) } }
        if let home = slots.places.first(where: { $0.role == .home }) {
            draft.add(replies.say("eligibility.home", ["place": home.canonical]))
        }
        var described = Set<String>()
        for place in slots.places where !isListed(place) && containsListed(place) == nil {
            describe(place, into: &draft, described: &described)
        }
        let undecided = slots.places.filter { delineated($0) == nil && $0.role != .home }
        if let city = undecided.lazy.compactMap({ place in self.containsListed(place).map { (place, $0) } }).first {
            draft.add(replies.say("ask.county", ["city": city.0.canonical, "counties": city.1.joined(separator: "、")]))
            draft.needs = ["county"]
            return draft
        }
        if let place = undecided.first, let id = place.areaID, let area = area(id) {
            draft.add(
                replies.say(
                    area.complete ? "ask.county.region" : "ask.county.incomplete", ["place": place.canonical, "region": area.region]))
            draft.needs = ["county"]
            return draft
        }
        if slots.places.contains(where: { $0.role == .home }), !slots.places.contains(where: { $0.role == .work }) {
            draft.add(replies.say("ask.work"))
            draft.needs = ["category"]
            return draft
        }
        draft.add(replies.say("ask.category"))
        draft.needs = ["category"]
        return draft
    }

    /// The counties of an area's list inside a prefecture-level city named (`安康` → 汉滨区、紫阳县…),
    /// as `PlaceLookup` gives them (places.md `prefectures`); `nil` for any other place.
    func containsListed(_ place: PlaceMention) -> [String]? {
        guard case .within = place.status, let answer = lookUp(place), answer.outcome == .askCounty, !answer.counties.isEmpty else {
            return nil
        }
        return answer.counties
    }
}

extension PlaceMention {
    /// The area a place belongs to or lies in, when content says.
    var areaID: String? {
        switch status {
        case let .listed(id), let .region(id), let .within(id): id
        case .notDelineated, nil: nil
        }
    }
}
