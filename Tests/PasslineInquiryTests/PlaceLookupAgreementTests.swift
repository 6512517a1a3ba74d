import Foundation
import PasslineCore
import Testing
@testable import PasslineInquiry

/// The calculator's place question (`PlaceLookup` in PasslineCore) and the helpdesk bot must say the
/// same thing about every place name content knows, short forms included: asked "X是单独划线地区吗",
/// the bot's answer carries the sentence (Content/inquiry/replies.md) that matches the lookup's outcome.
@Suite struct PlaceLookupAgreementTests {
    /// A reply of replies.md with its `{slot}`s filled, as the bot says it.
    func say(_ key: String, _ slots: [String: String]) throws -> String {
        var text = try #require(Repo.book.inquiry?.replies[key], "reply \(key)")
        for (slot, value) in slots { text = text.replacingOccurrences(of: "{\(slot)}", with: value) }
        return text
    }

    /// What the bot must say for each outcome, and what it must not; with the notes content adds to a
    /// place wherever it comes up (the disagreement about a disputed place, the place a name may mean).
    func expected(_ answer: PlaceLookup.Answer) throws -> (says: [String], never: [String]) {
        var (says, never) = try expectedForOutcome(answer)
        if let dispute = answer.dispute {
            says.append(try say("area.disputed", ["place": answer.place, "region": answer.area?.region ?? "", "note": dispute]))
        }
        if let other = answer.seeAlso {
            says.append(
                try say(
                    "area.see-also", ["place": answer.place, "other": other.place, "region": other.area.region, "basis": other.area.basis]))
        }
        return (says, never)
    }

    func expectedForOutcome(_ answer: PlaceLookup.Answer) throws -> (says: [String], never: [String]) {
        let area = answer.area
        let region = area?.region ?? ""
        let basis = area?.basis ?? ""
        switch (answer.outcome, answer.status) {
        case (.inScope, .listed?): return ([try say("area.place.in", ["place": answer.place, "region": region, "basis": basis])], [])
        case (.inScope, .within?): return ([try say("area.place.whole", ["place": answer.place, "region": region, "basis": basis])], [])
        case (.inScope, .region?): return ([try say("area.whole", ["region": region, "basis": basis])], [])
        case (.notInScope, .within?): return ([try say("area.place.unlisted.complete", ["place": answer.place])], [])
        case (.notInScope, _): return ([try say("area.not-delineated", ["place": answer.place])], [])
        case (.askCounty, .within?):
            let says = try say(
                "area.place.prefecture", ["place": answer.place, "region": region, "counties": answer.counties.joined(separator: "、")])
            return ([says], [])
        case (.askCounty, .region?): return ([region], [try say("area.incomplete", ["region": region])])
        case (.askOffice, _): return ([try say("area.incomplete", ["region": region])], [])
        default: return ([], [])
        }
    }

    @Test func theBotAgreesOnEveryPlaceInContent() throws {
        let lookup = PlaceLookup(book: Repo.book)
        #expect(lookup.entries.count > 200)
        var disagreements: [String] = []
        for entry in lookup.entries {
            let answer = lookup.answer(for: entry, query: entry.name)
            let (says, never) = try expected(answer)
            #expect(!says.isEmpty, "\(entry.name): no expectation for \(answer.outcome)")
            let reply = ask("\(entry.name)是单独划线地区吗").answer
            for sentence in says where !reply.contains(sentence) {
                disagreements.append("\(entry.name) → \(answer.outcome.rawValue): 缺“\(sentence)”,答:\(reply.prefix(120))")
            }
            for sentence in never where reply.contains(sentence) {
                disagreements.append("\(entry.name) → \(answer.outcome.rawValue): 不应有“\(sentence)”")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) 处不一致:\n\(disagreements.prefix(20).joined(separator: "\n"))")
    }

    /// Where a disputed place comes up in a caller's own case, the verdict carries the disagreement
    /// too; a name outside every category said as where one sat the exam gets the place it may mean.
    @Test func theNotesComeWithTheVerdictToo() throws {
        let lookup = PlaceLookup(book: Repo.book)
        let disputed = try #require(Repo.book.inquiry?.places.disputed.first)
        let answer = lookup.lookUp(disputed.value.first ?? disputed.key)
        let dispute = try #require(answer.dispute)
        let reply = ask("我在\(answer.place)报名考的软考,2024年上半年中级,两科都是41分,能申领吗").answer
        #expect(reply.contains(try say("verdict.status", ["status": VerdictText.statusNames[.eligible] ?? "?"])))
        #expect(reply.contains(dispute))
        let (name, place) = try #require(Repo.book.inquiry?.places.seeAlso.first)
        let other = ask("我是在\(name)考的").answer
        #expect(other.contains(place))
    }

    /// The bot builds its place names on another thread while it reads its other words: the result is
    /// the one built in turn, name for name and in the same (longest first) order.
    @Test func placeNamesBuiltMeanwhileAreThoseBuiltInTurn() {
        let inTurn = Lexicon(book: Repo.book, normalizer: Normalizer(vocabulary: Repo.book.inquiry!.vocabulary))
        let bot = InquiryBot(book: Repo.book)
        #expect(bot.lexicon.places.names.map(\.word) == inTurn.places.names.map(\.word))
        #expect(bot.lexicon.places.names.map(\.entry.canonical) == inTurn.places.names.map(\.entry.canonical))
        #expect(bot.lexicon.places.names.count > 300)
        #expect(bot.lexicon.words(.questionMarkers) == inTurn.words(.questionMarkers))
    }
}
