import Foundation
import Yams

/// Reads `Content/inquiry/*.md` into `InquiryContent`: every file may hold any of the sections
/// `intents`, `replies`, `vocabulary` and `places`, so editors can split them as they like.
///
/// Problems are reported at their line like every other content file; references to FAQ entries,
/// areas and sources are checked once the rest of the content is known (`finish`).
struct InquiryContentReader {
    let log: DiagnosticLog
    private var content = InquiryContent()
    private var seen: [String: SourceLocation] = [:]
    private var faqRefs: [(String, SourceLocation)] = []
    private var areaRefs: [(String, SourceLocation)] = []
    private var sourceRefs: [(String, SourceLocation)] = []
    private var prefectureRefs: [(String, [String], SourceLocation)] = []
    /// `disputed` and `see_also` of places.md, checked once the areas are known (`checkPlaceNotes`).
    var disputedRefs: [(String, [String], SourceLocation)] = []
    var seeAlsoRefs: [(String, String, SourceLocation)] = []
    private var read = false

    init(log: DiagnosticLog) { self.log = log }

    mutating func read(_ file: ContentFile) {
        read = true
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "front matter") else { return }
        for node in fields.list("intents", required: false) { readIntent(node, path: file.path) }
        if var map = fields.mapping("replies", required: false) {
            for (key, keyNode, value) in map.entries {
                map.markUsed([key])
                guard let text = value.string else {
                    log.error(file.path, Fields.location(of: value), "reply '\(key)' must be a text")
                    continue
                }
                guard unique("reply:\(key)", map.sourceLocation(keyNode), "reply '\(key)'") else { continue }
                // One vocabulary for how far a source can be trusted: the bot says the site's words.
                if key.hasPrefix("confidence.") {
                    let location = map.sourceLocation(keyNode)
                    log.error(
                        file.path, (location.line, location.column),
                        "可靠程度的说法只在 Content/messages.md 里定义一次(网站和答询机器人共用):删掉这一行 '\(key)',需要改说法就改 messages.md 的 '\(key)'")
                    continue
                }
                content.replies[key] = text
            }
        }
        if var map = fields.mapping("vocabulary", required: false) { readVocabulary(&map) }
        if var map = fields.mapping("places", required: false) { readPlaces(&map) }
        fields.finish()
    }

    private mutating func unique(_ key: String, _ location: SourceLocation, _ what: String) -> Bool {
        if let first = seen[key] {
            log.error(location.path, (location.line, location.column), "duplicate \(what): already defined at \(first.path):\(first.line)")
            return false
        }
        seen[key] = location
        return true
    }

    private mutating func readIntent(_ node: Node, path: String) {
        guard var entry = Fields(node, path: path, log: log, what: "an intent") else { return }
        let id = entry.string("id")
        let about = entry.string("about")
        let patterns = entry.strings("patterns")
        let phrasings = entry.strings("phrasings").map(\.0)
        let keywords = entry.strings("keywords").map(\.0)
        let faq = entry.string("faq", required: false)
        let supersedes = entry.strings("supersedes")
        let slots = entry.bool("slots", default: false)
        entry.finish()
        for (pattern, location) in patterns where !PatternSyntax.isValid(pattern) {
            log.error(path, (location.line, location.column), "pattern '\(pattern)' is not a valid regular expression")
        }
        if let faq { faqRefs.append((faq, entry.sourceLocation(node["faq"]))) }
        faqRefs += supersedes
        guard let id, let about else { return }
        if !Identifier.isValid(id) {
            log.error(path, Fields.location(of: node["id"]), "intent id must use lowercase letters, digits and '-', found '\(id)'")
        }
        guard unique("intent:\(id)", entry.sourceLocation(node["id"]), "intent '\(id)'") else { return }
        content.intents.append(
            InquiryIntent(
                id: id, about: about, patterns: patterns.map(\.0), phrasings: phrasings, keywords: keywords,
                faq: faq, supersedes: supersedes.map(\.0), usesSlots: slots))
    }

    private mutating func readVocabulary(_ map: inout Fields) {
        var words = content.vocabulary
        if var years = map.mapping("relative_years", required: false) {
            for (key, _, value) in years.entries {
                years.markUsed([key])
                guard let offset = value.int else {
                    log.error(years.path, Fields.location(of: value), "relative year '\(key)' must be a whole number of years, e.g. -1")
                    continue
                }
                words.relativeYears[key] = offset
            }
        }
        if var levels = map.mapping("levels", required: false) {
            for (key, keyNode, value) in levels.entries {
                levels.markUsed([key])
                guard Level(rawValue: key) != nil else {
                    log.error(levels.path, Fields.location(of: keyNode), "unknown level '\(key)'; levels are junior, intermediate, senior")
                    continue
                }
                words.levels[key, default: []] += list(value, in: levels.path, what: "level '\(key)'")
            }
        }
        words.qualificationAliases.merge(textMap(&map, "qualification_aliases")) { $1 }
        words.subjects.merge(listMap(&map, "subjects")) { $0 + $1 }
        words.exams.merge(listMap(&map, "exams")) { $0 + $1 }
        let categories = listMap(&map, "categories")
        for key in categories.keys where Category(rawValue: key) == nil {
            log.error(
                map.path, Fields.location(of: map.node["categories"]), "unknown category '\(key)'; categories are local, relocated, none")
        }
        words.categories.merge(categories) { $0 + $1 }
        words.now += map.strings("now").map(\.0)
        words.followUp += map.strings("follow_up").map(\.0)
        words.corrections.merge(textMap(&map, "corrections")) { $1 }
        words.outOfScope += map.strings("out_of_scope").map(\.0)
        words.lists.merge(listMap(&map, "lists")) { $0 + $1 }
        map.finish()
        content.vocabulary = words
    }

    private mutating func readPlaces(_ map: inout Fields) {
        if var outside = map.mapping("not_delineated", required: false) {
            content.places.notDelineated += outside.strings("names", required: true).map(\.0)
            let refs = outside.strings("sources", required: true)
            sourceRefs += refs
            content.places.notDelineatedSources += refs.map(\.0)
            outside.finish()
        }
        if var within = map.mapping("within", required: false) {
            for (key, keyNode, value) in within.entries {
                within.markUsed([key])
                areaRefs.append((key, within.sourceLocation(keyNode)))
                content.places.within[key, default: []] += list(value, in: within.path, what: "'within.\(key)'")
            }
        }
        if var regions = map.mapping("regions", required: false) {
            for (key, keyNode, value) in regions.entries {
                regions.markUsed([key])
                areaRefs.append((key, regions.sourceLocation(keyNode)))
                content.places.regions[key, default: []] += list(value, in: regions.path, what: "'regions.\(key)'")
            }
        }
        if var cities = map.mapping("prefectures", required: false) {
            for (key, keyNode, value) in cities.entries {
                cities.markUsed([key])
                prefectureRefs.append((key, list(value, in: cities.path, what: "'prefectures.\(key)'"), cities.sourceLocation(keyNode)))
            }
        }
        if var disputed = map.mapping("disputed", required: false) {
            for (key, keyNode, value) in disputed.entries {
                disputed.markUsed([key])
                disputedRefs.append((key, list(value, in: disputed.path, what: "'disputed.\(key)'"), disputed.sourceLocation(keyNode)))
            }
        }
        if var seeAlso = map.mapping("see_also", required: false) {
            for (key, keyNode, value) in seeAlso.entries {
                seeAlso.markUsed([key])
                guard let place = value.string else {
                    log.error(seeAlso.path, Fields.location(of: value), "'see_also.\(key)' 要写一个地名")
                    continue
                }
                seeAlsoRefs.append((key, place, seeAlso.sourceLocation(keyNode)))
            }
        }
        content.places.nameParts += map.strings("name_parts").map(\.0)
        content.places.ambiguous += map.strings("ambiguous").map(\.0)
        map.finish()
    }

    private func list(_ node: Node, in path: String, what: String) -> [String] {
        guard case let .sequence(items) = node else {
            log.error(path, Fields.location(of: node), "\(what) must be a list, e.g. [a, b]")
            return []
        }
        return items.compactMap(\.string)
    }

    private func listMap(_ map: inout Fields, _ key: String) -> [String: [String]] {
        guard var inner = map.mapping(key, required: false) else { return [:] }
        var result: [String: [String]] = [:]
        for (name, _, value) in inner.entries {
            inner.markUsed([name])
            result[name, default: []] += list(value, in: inner.path, what: "'\(key).\(name)'")
        }
        return result
    }

    private func textMap(_ map: inout Fields, _ key: String) -> [String: String] {
        guard var inner = map.mapping(key, required: false) else { return [:] }
        var result: [String: String] = [:]
        for (name, _, value) in inner.entries {
            inner.markUsed([name])
            guard let text = value.string else {
                log.error(inner.path, Fields.location(of: value), "'\(key).\(name)' must be a text")
                continue
            }
            result[name] = text
        }
        return result
    }

    /// Puts the bot's content on the book and checks its references against the rest of the content.
    func finish(_ loaded: LoadedContent) -> LoadedContent {
        guard read else { return loaded }
        var loaded = loaded
        let faqIDs = Set(loaded.book.faq.map(\.id))
        for (id, location) in faqRefs where !faqIDs.contains(id) {
            let hint = Suggest.closest(to: id, in: faqIDs).map { " (did you mean '\($0)'?)" } ?? ""
            log.error(location.path, (location.line, location.column), "no FAQ entry '\(id)'\(hint)")
        }
        let areaIDs = Set(loaded.book.areas.map(\.id))
        for (id, location) in areaRefs where !areaIDs.contains(id) {
            let hint = Suggest.closest(to: id, in: areaIDs).map { " (did you mean '\($0)'?)" } ?? ""
            log.error(location.path, (location.line, location.column), "no area '\(id)' in areas/\(hint)")
        }
        // A prefecture's counties must be places of one area, and the city one of that area's `within`.
        var content = content
        for (city, counties, location) in prefectureRefs {
            let owners = loaded.book.areas.filter { area in counties.contains { area.places.contains($0) } }
            if let stray = counties.first(where: { county in !loaded.book.areas.contains { $0.places.contains(county) } }) {
                log.error(
                    location.path, (location.line, location.column), "'\(stray)' (prefectures.\(city)) is not a place of any area in areas/"
                )
            } else if owners.count != 1 || !(content.places.within[owners[0].id] ?? []).contains(city) {
                log.error(
                    location.path, (location.line, location.column),
                    "prefecture '\(city)' must be listed under 'within' of the one area its counties belong to")
            } else {
                content.places.prefectures[city] = counties
            }
        }
        checkPlaceNotes(loaded.book, into: &content)
        loaded.sourceReferences += sourceRefs
        loaded.book.inquiry = content
        return loaded
    }
}
