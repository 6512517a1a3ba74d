extension InquiryContentReader {
    /// `disputed` and `see_also` of places.md against the areas: a disputed place and the places said
    /// to belong to it are places of one area whose notes say something about it (that line is what
    /// readers are shown); a `see_also` name is one of `not_delineated` and points at a listed place.
    func checkPlaceNotes(_ book: RuleBook, into content: inout InquiryContent) {
        for (place, members, location) in disputedRefs {
            let at = (location.line, location.column)
            guard let area = book.areas.first(where: { $0.places.contains(place) }) else {
                log.error(location.path, at, "disputed: '\(place)' 不是 areas/ 中任何地区名单里的地名")
                continue
            }
            if let stray = members.first(where: { !area.places.contains($0) }) {
                log.error(location.path, at, "disputed.\(place): '\(stray)' 不在 areas/\(area.id).md 的名单里")
                continue
            }
            guard area.noteLine(about: place) != nil else {
                log.error(location.path, at, "disputed: areas/\(area.id).md 的说明里没有一行写到 '\(place)',读者看不到分歧在哪里")
                continue
            }
            content.places.disputed[place] = members
        }
        for (name, place, location) in seeAlsoRefs {
            let at = (location.line, location.column)
            guard content.places.notDelineated.contains(name) else {
                log.error(location.path, at, "see_also: '\(name)' 要先列在 not_delineated 里")
                continue
            }
            guard book.areas.contains(where: { $0.places.contains(place) }) else {
                log.error(location.path, at, "see_also.\(name): '\(place)' 不是 areas/ 中任何地区名单里的地名")
                continue
            }
            content.places.seeAlso[name] = place
        }
    }
}
