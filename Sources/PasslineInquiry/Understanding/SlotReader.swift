import Foundation
import PasslineCore

/// Reads everything a question says that an answer can use, and what is left once those are taken
/// out (to tell a bare follow-up such as "那2024年上半年呢?" from a new question).
public struct SlotReader: Sendable {
    public struct Reading: Sendable {
        public var slots: Slots
        /// The text with slot values and filler words removed.
        public var residual: String
    }

    let lexicon: Lexicon
    let sessions: SessionReader
    let scores: ScoreReader

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        sessions = SessionReader(relativeYears: lexicon.relativeYears)
        scores = ScoreReader(subjects: lexicon.subjects)
    }

    public func read(_ question: NormalizedQuestion, now: Date) -> Reading {
        let text = question.compact
        var slots = Slots()
        var consumed: [Range<Int>] = []

        let characters = Array(text)
        for found in sessions.read(text, now: now) {
            consumed.append(found.range)
            // `前年调去凉山上班`: the year they moved, not the exam they sat.
            if isMoveYear(found.range, in: characters) { continue }
            if let mention = found.mention, !slots.sessions.contains(mention) { slots.sessions.append(mention) }
            if let half = found.halfOnly, slots.halfOnly == nil { slots.halfOnly = half }
        }
        if let half = slots.halfOnly, !slots.sessions.isEmpty {
            for i in slots.sessions.indices where slots.sessions[i].half == nil { slots.sessions[i].half = half }
            slots.halfOnly = nil
        }

        slots.places = lexicon.places.places(in: text).map { place in
            var place = place
            place.role = role(of: place, in: text)
            return place
        }
        consumed += slots.places.map { $0.offset..<($0.offset + $0.name.count) }

        if let (qualification, range) = first(lexicon.qualifications, in: text) {
            slots.qualification = qualification.name
            slots.levels = [qualification.level]
            slots.exam = qualification.exam
            consumed.append(range)
        } else {
            for (level, range) in all(lexicon.levels, in: text, avoiding: consumed) {
                if !slots.levels.contains(level) { slots.levels.append(level) }
                consumed.append(range)
            }
            // `初、中级` / `初中级`: a level name shortened before another.
            if text.containsText("初中级") || text.containsText("初,中级") || text.containsText("初、中级") {
                slots.levels = [.junior, .intermediate]
            }
        }
        for (exam, range) in all(lexicon.exams, in: text, avoiding: consumed) {
            if slots.qualification == nil && slots.exam == nil { slots.exam = exam }
            consumed.append(range)
        }
        // Subjects named with their scores also say which scores belong together.
        let reading = scores.read(text, excluded: consumed)
        slots.scores = reading.scores
        for (index, range) in reading.ranges.enumerated() where slots.scores[index].subject == nil {
            slots.scores[index].position = position(before: range.lowerBound, in: characters)
        }
        slots.uniformScore = reading.uniform
        consumed += reading.ranges
        for (_, range) in all(lexicon.subjects, in: text, avoiding: consumed) { consumed.append(range) }

        for (category, range) in all(lexicon.categories, in: text, avoiding: consumed) {
            consumed.append(range)
            // `不在单独划线地区报名的` says the opposite of the word it contains: no category from it.
            if isNegated(range, in: characters) { continue }
            if slots.category == nil { slots.category = category }
            if category == slots.category { slots.categoryOffsets.append(range.lowerBound) }
        }
        slots.asksNow = lexicon.nowWords.contains { text.containsText($0) }
        return Reading(slots: slots, residual: residual(of: text, removing: consumed))
    }

    /// Whether the words right after a year say when the caller moved or started work, with no
    /// exam word in the same clause (`2023年去拉萨考的` is still the exam).
    func isMoveYear(_ range: Range<Int>, in characters: [Character]) -> Bool {
        guard range.upperBound < characters.count else { return false }
        let clause = String(characters[range.upperBound..<min(characters.count, range.upperBound + 12)].prefix { !",.;?!".contains($0) })
        guard lexicon.words(.moveAfterYear).contains(where: { clause.hasPrefix($0) }) else { return false }
        return !Self.examWords.contains { clause.containsText($0) }
    }

    /// Whether the caller denies the word at `range`: a word of `negation` right before it
    /// (`不在单独划线地区报名`), or one of two characters or more, or 没, earlier in its clause
    /// (`没有到单独划线地区工作`). A lone 不 further back is too common (`不知道`) to count.
    func isNegated(_ range: Range<Int>, in characters: [Character]) -> Bool {
        let words = lexicon.words(.negation)
        let before = String(characters[max(0, range.lowerBound - 3)..<range.lowerBound])
        if words.contains(where: { before.hasSuffix($0) }) { return true }
        let clause = String(
            characters[max(0, range.lowerBound - 12)..<range.lowerBound].reversed().prefix { !",.;?!".contains($0) }.reversed())
        return words.contains { ($0.count >= 2 || $0 == "没") && clause.containsText($0) }
    }

    /// `上午那科是43`: the subject by its place in the exam, from the words just before a score.
    func position(before start: Int, in characters: [Character]) -> Int? {
        let window = String(characters[max(0, start - 8)..<start])
        let lists: [(WordList, Int)] = [(.subjectFirst, 0), (.subjectSecond, 1), (.subjectThird, 2)]
        var best: (Int, Int)?
        for (list, position) in lists {
            for word in lexicon.words(list) {
                guard let r = window.range(of: word, options: .backwards) else { continue }
                let end = window.distance(from: window.startIndex, to: r.upperBound)
                if best == nil || end > best!.0 { best = (end, position) }
            }
        }
        return best?.1
    }

    /// Words after a place that make it where the caller sat the exam (`在北京考的`).
    static let examWords = ["考", "报名", "报考", "参考", "参加"]
    /// Words just before a place that make it where the caller went to work (`调到西藏`).
    static let movedTo = ["调到", "调去", "到", "去", "派到", "派驻"]

    /// Where the caller sat the exam or where they work, from the words right after or before a place.
    func role(of place: PlaceMention, in text: String) -> PlaceRole? {
        let characters = Array(text)
        let end = min(characters.count, place.offset + place.name.count)
        // The words after a place up to the end of its clause: `在北京考的,现在调到西藏工作` gives 北京 `考的`.
        let after = String(characters[end..<min(characters.count, end + 8)].prefix { !",.;?!".contains($0) })
        let before = String(characters[max(0, place.offset - 3)..<place.offset])
        let workWords = lexicon.categories.filter { $0.value == .relocated }.map(\.word)
        let wider = String(characters[max(0, place.offset - 4)..<place.offset])
        if lexicon.words(.residence).contains(where: { wider.hasSuffix($0) })
            || lexicon.words(.residenceAfter).contains(where: { after.hasPrefix($0) })
        {
            return .home
        }
        if workWords.contains(where: { after.containsText($0) }) || Self.movedTo.contains(where: { before.hasSuffix($0) }) { return .work }
        let near = String(after.prefix(6))
        if Self.examWords.contains(where: { near.containsText($0) }) { return .exam }
        return nil
    }

    func residual(of text: String, removing ranges: [Range<Int>]) -> String {
        var keep = Array(text)
        for range in ranges {
            for i in range where i < keep.count { keep[i] = " " }
        }
        let rest = String(keep).filter { !$0.isPunctuation && !$0.isSymbol && !$0.isWhitespace && !"分和与跟及、".contains($0) }
        // Filler words out, as bytes (whole characters only ever match at character starts).
        var bytes = Array(rest.utf8)
        for word in lexicon.followUpBytes { Normalizer.replace(word, with: [], in: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    func first<V>(_ entries: [Lexicon.Entry<V>], in text: String) -> (V, Range<Int>)? {
        let searchable = SearchableText(text)
        for entry in entries {
            if let range = searchable.first(entry.bytes) { return (entry.value, range) }
        }
        return nil
    }

    /// Every occurrence of every word, longest words first, never two on the same characters.
    func all<V>(_ entries: [Lexicon.Entry<V>], in text: String, avoiding: [Range<Int>]) -> [(V, Range<Int>)] {
        let searchable = SearchableText(text)
        var taken = avoiding
        var found: [(V, Range<Int>)] = []
        for entry in entries {
            for r in searchable.occurrences(of: entry.bytes) where !taken.contains(where: { $0.overlaps(r) }) {
                taken.append(r)
                found.append((entry.value, r))
            }
        }
        return found.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }
}
