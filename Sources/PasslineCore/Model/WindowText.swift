import Foundation

/// Parts of a FAQ answer that hold only while the current round's window is in some states: advice
/// for an open round ("建议尽早提交") misleads once it has closed, and a closed round's words are
/// wrong before it opens. Text outside any part holds in every state.
///
/// In the Markdown a part is whole lines between a line `:::截止后` (or `:::开始前`, `:::申请期内`, or
/// several joined by `、`: `:::开始前、申请期内`) and a line `:::`. Parts do not nest. `passline check`
/// names the file and line of a marker it cannot read (`problems`).
public enum WindowText {
    /// The editors' names of the states, in the order a reader meets them.
    public static let names: [(name: String, state: WindowState)] = [("开始前", .before), ("申请期内", .open), ("截止后", .closed)]

    /// A run of lines: shown in every state (`states == nil`) or only in `states`.
    public struct Part: Sendable, Hashable {
        public var states: [WindowState]?
        public var text: String
    }

    /// A marker that cannot be read, at its line within the text (from 1), with the fix.
    public struct Problem: Sendable, Hashable {
        public var line: Int
        public var message: String
    }

    /// The text, in order, as parts. A text without markers is one part for every state.
    public static func parts(_ markdown: String) -> [Part] {
        guard markdown.contains(":::") else { return [Part(states: nil, text: markdown)] }
        var parts: [Part] = []
        var states: [WindowState]?
        var lines: [Substring] = []
        func flush() {
            if !lines.isEmpty || states != nil { parts.append(Part(states: states, text: lines.joined(separator: "\n"))) }
            lines = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let marker = marker(line) else { lines.append(line); continue }
            flush()
            states = marker.isEmpty ? nil : self.states(marker).compactMap(\.self)
        }
        flush()
        return parts
    }

    /// What a reader sees in `state`: the parts for every state and those for `state`, markers removed.
    public static func text(_ markdown: String, in state: WindowState) -> String {
        guard markdown.contains(":::") else { return markdown }
        return parts(markdown).filter { $0.states?.contains(state) ?? true }.map(\.text).joined(separator: "\n")
    }

    /// Every marker that cannot be read: an unknown state, a part opened inside another, one never closed.
    public static func problems(_ markdown: String) -> [Problem] {
        guard markdown.contains(":::") else { return [] }
        var problems: [Problem] = []
        var open: Int?
        let known = names.map(\.name).joined(separator: "、")
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let marker = marker(line) else { continue }
            let number = index + 1
            if marker.isEmpty {
                if open == nil {
                    problems.append(Problem(line: number, message: "这一行 ':::' 结束一段按申请状态显示的文字,但前面没有开始的一行(如 ':::截止后'):删掉它,或在这段文字前加上开始的一行"))
                }
                open = nil
                continue
            }
            if let start = open {
                problems.append(
                    Problem(line: number, message: "第 \(start) 行开始的按申请状态显示的文字还没有用一行 ':::' 结束,这里又开始了一段:在这一行前面加一行 ':::'(两段不能套在一起)"))
            }
            for (name, state) in zip(marker.split(separator: "、"), states(marker)) where state == nil {
                problems.append(Problem(line: number, message: "'\(name)' 不是申请状态:只能写 \(known)(几个一起用 '、' 隔开,如 ':::开始前、申请期内')"))
            }
            open = number
        }
        if let start = open {
            problems.append(Problem(line: start, message: "从这一行开始的按申请状态显示的文字没有结束:在这段文字后面单独加一行 ':::'"))
        }
        return problems
    }

    /// The state names after `:::` on a marker line (empty for the closing line), or nil for text.
    private static func marker(_ line: Substring) -> String? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":::") else { return nil }
        return String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces)
    }

    private static func states(_ marker: String) -> [WindowState?] {
        marker.split(separator: "、").map { name in
            let name = name.trimmingCharacters(in: .whitespaces)
            return names.first { $0.name == name }?.state
        }
    }
}

extension FAQEntry {
    /// The answer as it reads while the current round's window is in `state` (`WindowText`).
    public func answer(in state: WindowState) -> String { WindowText.text(answer, in: state) }
}

extension RuleBook {
    /// A FAQ answer as it reads at `now`: in the state of the current notice's window then (the state
    /// every answer's parts are written against). Without a notice, only the parts for every state.
    public func faqAnswer(_ entry: FAQEntry, at now: Date) -> String {
        guard let state = currentNotice?.application.state(at: now) else {
            return WindowText.parts(entry.answer).filter { $0.states == nil }.map(\.text).joined(separator: "\n")
        }
        return entry.answer(in: state)
    }
}
