import Foundation
import PasslineCore

extension Composer {
    /// Whether each place named is delineated, from areas/*.md through `PlaceLookup`; without a place,
    /// which regions have delineated areas. An unknown place gets "cannot tell" and where to check,
    /// never a guess.
    func areas(_ request: Request) -> Draft {
        var draft = Draft(intent: "areas")
        let places = request.slots.places
        guard !places.isEmpty else {
            let regions = book.areas.map(\.region).joined(separator: "、")
            draft.add(replies.say("area.list", ["regions": regions]))
            return draft
        }
        draft.wantsLinkedFAQ = false
        var described = Set<String>()
        for place in places {
            describe(place, into: &draft, described: &described)
        }
        return draft
    }

    func area(_ id: String) -> Area? { book.areas.first { $0.id == id } }

    /// What the one place model (`PlaceLookup`) says about a place named; `nil` for a word no list knows.
    func lookUp(_ place: PlaceMention) -> PlaceLookup.Answer? {
        guard let status = place.status else { return nil }
        let entry = PlaceLookup.Entry(name: place.name, canonical: place.canonical, status: status, isShortForm: false)
        return places.answer(for: entry, query: place.name)
    }

    func describe(_ place: PlaceMention, into draft: inout Draft, described: inout Set<String>) {
        guard let answer = lookUp(place), let status = place.status else {
            draft.add(replies.say("area.unknown", ["place": place.name, "hotline": notice?.hotline ?? ""]))
            if let clause = notice?.clause(role: .hotline) { citeNotice(&draft, clause) }
            for id in notice?.legalBasis ?? [] { draft.cite(.source(id)) }
            return
        }
        switch status {
        case let .listed(id):
            guard let area = area(id) else { return }
            draft.add(replies.say("area.place.in", ["place": place.canonical, "region": area.region, "basis": area.basis]))
            draft.cite(.area(id))
        case let .region(id):
            guard let area = area(id) else { return }
            describeRegion(area, into: &draft, described: &described)
        case let .within(id):
            guard let area = area(id) else { return }
            if answer.outcome == .askCounty {
                // A city with listed counties is neither in nor out as a whole: the county decides.
                draft.add(
                    replies.say(
                        "area.place.prefecture",
                        ["place": place.canonical, "region": area.region, "counties": answer.counties.joined(separator: "、")]))
                if !area.complete { draft.add(replies.say("area.incomplete", ["region": area.region])) }
            } else if answer.outcome == .inScope {
                draft.add(replies.say("area.place.whole", ["place": place.canonical, "region": area.region, "basis": area.basis]))
                described.insert(area.id)
                draft.add(Replies.plain(area.notes))
            } else {
                draft.add(replies.say("area.place.unlisted", ["place": place.canonical, "region": area.region]))
                if answer.outcome == .notInScope { draft.add(replies.say("area.place.unlisted.complete", ["place": place.canonical])) }
                describeRegion(area, into: &draft, described: &described)
            }
            draft.cite(.area(id))
        case .notDelineated:
            draft.add(replies.say("area.not-delineated", ["place": place.canonical]))
            for id in book.inquiry?.places.notDelineatedSources ?? [] { draft.cite(.source(id)) }
        }
        addNotes(answer, for: place, into: &draft)
    }

    /// What content adds to a place wherever it comes up: the line of the area's notes about a place
    /// the sources disagree about (巴州, 库尔勒), and the listed place a name outside every category
    /// may be taken for (海南 → 青海's 海南藏族自治州). Each said once per answer.
    func addNotes(_ answer: PlaceLookup.Answer, for place: PlaceMention, into draft: inout Draft) {
        if let dispute = answer.dispute, let area = answer.area {
            let line = replies.say("area.disputed", ["place": place.canonical, "region": area.region, "note": Replies.plain(dispute)])
            if !draft.lines.contains(line) { draft.add(line) }
            draft.cite(.area(area.id))
        }
        if let other = answer.seeAlso {
            let line = replies.say(
                "area.see-also", ["place": place.canonical, "other": other.place, "region": other.area.region, "basis": other.area.basis])
            if !draft.lines.contains(line) { draft.add(line) }
            draft.cite(.area(other.area.id))
        }
    }

    /// The region's scope, its listed places, whether the list is complete, and the editor's notes.
    func describeRegion(_ area: Area, into draft: inout Draft, described: inout Set<String>) {
        guard !described.contains(area.id) else { return }
        described.insert(area.id)
        if area.scope == .whole {
            draft.add(replies.say("area.whole", ["region": area.region, "basis": area.basis]))
        } else {
            let list =
                area.places.isEmpty
                ? replies.say("area.part.unlisted")
                : replies.say("area.part.list", ["places": area.places.joined(separator: "、")])
            draft.add(replies.say("area.part", ["region": area.region, "basis": area.basis, "list": list]))
            if !area.complete { draft.add(replies.say("area.incomplete", ["region": area.region])) }
        }
        draft.add(Replies.plain(area.notes))
        draft.cite(.area(area.id))
    }
}
