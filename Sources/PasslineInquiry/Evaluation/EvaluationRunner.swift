import Foundation
import PasslineCore

/// Replays evaluation conversations through the bot, one fresh conversation each with its clock,
/// and checks every turn as `HELDOUT-FORMAT.md` says: all `must`, no `must_not`, one string of each `must_any` group,
/// exact and case-sensitive on the answer text. Intents are compared through `IntentLabels` for
/// precision, recall and F1; they are not part of pass/fail.
public struct EvaluationRunner: Sendable {
    public struct Failure: Sendable {
        public var conversation: String
        public var turn: Int
        public var question: String
        public var expected: String?
        public var actual: String
        public var missing: [String]
        public var forbidden: [String]
        public var anyMissing: [String]
        public var answer: String
    }

    public struct Report: Sendable {
        public var conversations = 0, conversationsPassed = 0, turns = 0, turnsPassed = 0
        /// (expected label, predicted label) → turns, for turns that carry a label.
        public var confusion: [String: [String: Int]] = [:]
        public var failures: [Failure] = []

        public struct Score: Sendable {
            public var label: String
            public var precision: Double, recall: Double, f1: Double
            public var support: Int
        }

        /// Per expected or predicted label, weakest F1 first.
        public var scores: [Score] {
            var labels = Set(confusion.keys)
            for row in confusion.values { labels.formUnion(row.keys) }
            return labels.map { label in
                let tp = confusion[label]?[label] ?? 0
                let support = confusion[label]?.values.reduce(0, +) ?? 0
                let predicted = confusion.values.reduce(0) { $0 + ($1[label] ?? 0) }
                let precision = predicted == 0 ? 0 : Double(tp) / Double(predicted)
                let recall = support == 0 ? 0 : Double(tp) / Double(support)
                let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
                return Score(label: label, precision: precision, recall: recall, f1: f1, support: support)
            }.sorted { ($0.f1, $0.label) < ($1.f1, $1.label) }
        }

        public var failedConversations: [String] {
            var seen: [String] = []
            for failure in failures where !seen.contains(failure.conversation) { seen.append(failure.conversation) }
            return seen
        }
    }

    let bot: InquiryBot

    public init(bot: InquiryBot) { self.bot = bot }

    /// Characters OpenCC converts in every context: a Traditional answer never contains one.
    public static let simplifiedOnly = ["这", "们", "请", "说", "时", "单", "线", "证", "试", "级", "发", "国", "审", "电", "话", "为"]

    /// The conversations with their generated variants: `hant` adds the conversation in Traditional,
    /// questions and expected strings converted as the bot converts its answers, and the
    /// Simplified-only characters forbidden in every answer.
    public func expanded(_ conversations: [EvaluationConversation]) -> [EvaluationConversation] {
        var result: [EvaluationConversation] = []
        for conversation in conversations {
            result.append(conversation)
            guard conversation.variants.contains("hant") else { continue }
            var variant = conversation
            variant.id += "-hant"
            variant.variants = []
            variant.turns = conversation.turns.map { turn in
                var t = turn
                t.q = bot.traditional.convert(turn.q)
                t.must = turn.must.map(bot.traditional.convert)
                t.mustAny = turn.mustAny?.map { $0.map(bot.traditional.convert) }
                t.mustNot = turn.mustNot.map(bot.traditional.convert) + Self.simplifiedOnly
                return t
            }
            result.append(variant)
        }
        return result
    }

    public func run(_ conversations: [EvaluationConversation]) -> Report {
        var report = Report()
        for dialogue in conversations {
            report.conversations += 1
            let now = Instant.parse(dialogue.now) ?? Date()
            var conversation = bot.conversation()
            var passed = true
            for (index, turn) in dialogue.turns.enumerated() {
                report.turns += 1
                let answer = conversation.reply(to: turn.q, now: now).answer
                let text = answer.answer
                let missing = turn.must.filter { !text.contains($0) }
                let forbidden = turn.mustNot.filter { text.contains($0) }
                let anyMissing = (turn.mustAny ?? []).filter { group in !group.contains { text.contains($0) } }.flatMap { $0 }
                if let expected = turn.intent {
                    let predicted = IntentLabels.label(of: answer.intent) ?? "unmapped:\(answer.intent)"
                    report.confusion[expected, default: [:]][predicted, default: 0] += 1
                }
                if missing.isEmpty && forbidden.isEmpty && anyMissing.isEmpty {
                    report.turnsPassed += 1
                } else {
                    passed = false
                    report.failures.append(
                        Failure(
                            conversation: dialogue.id, turn: index, question: turn.q, expected: turn.intent, actual: answer.intent,
                            missing: missing, forbidden: forbidden, anyMissing: anyMissing, answer: text))
                }
            }
            if passed { report.conversationsPassed += 1 }
        }
        return report
    }
}

extension EvaluationRunner.Report {
    /// The report as `make eval` prints it: totals (against the expected counts when given), per-label
    /// precision/recall/F1, the confusion matrix (its non-zero cells, row by expected label) and
    /// every failed turn.
    public func text(expectedConversations: Int? = nil, expectedTurns: Int? = nil) -> String {
        var out: [String] = []
        out.append(
            "conversations passed: \(conversationsPassed)/\(expectedConversations ?? conversations)"
                + (expectedConversations.map { $0 != conversations ? " (read \(conversations))" : "" } ?? ""))
        out.append(
            "turns passed: \(turnsPassed)/\(expectedTurns ?? turns)" + (expectedTurns.map { $0 != turns ? " (read \(turns))" : "" } ?? ""))
        out.append("")
        out.append("per-intent (weakest first)      P      R     F1  support")
        for s in scores {
            out.append(
                s.label.padding(toLength: 28, withPad: " ", startingAt: 0)
                    + String(format: " %6.3f %6.3f %6.3f %6d", s.precision, s.recall, s.f1, s.support))
        }
        out.append("")
        out.append("confusion (expected → predicted: turns)")
        for expected in confusion.keys.sorted() {
            let row = confusion[expected]!.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            out.append("  \(expected) → " + row.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        }
        out.append("")
        out.append("failed conversations: \(failedConversations.count)")
        for f in failures {
            let q = f.question.count > 70 ? String(f.question.prefix(70)) + "…" : f.question
            out.append(
                "✗ \(f.conversation)[\(f.turn)] \(q.debugDescription) → \(f.actual)" + (f.expected.map { " (expected \($0))" } ?? ""))
            if !f.missing.isEmpty { out.append("    missing: \(f.missing)") }
            if !f.forbidden.isEmpty { out.append("    forbidden: \(f.forbidden)") }
            if !f.anyMissing.isEmpty { out.append("    none of: \(f.anyMissing)") }
            out.append("    answer: " + f.answer.replacingOccurrences(of: "\n", with: " | ").prefix(400))
        }
        out.append("")
        out.append("\(turnsPassed) passed, \(turns - turnsPassed) failed")
        return out.joined(separator: "\n")
    }
}
