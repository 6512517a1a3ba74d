import Foundation
import PasslineCore

/// What a page can say about a notice's application window without JavaScript.
///
/// A window that ended before the build instant (`BuildContext.now`) is closed for good: the page says
/// so in its own text, and window.js leaves that text alone (a reader's wrong clock must not reopen
/// it). Before and during the window the state depends on when the page is read, so the static text
/// gives the dates and where to apply, and window.js replaces it with the state at the reader's clock.
struct WindowStatus: Sendable {
    /// `.closed` when the window had ended at the build instant; `nil` while it may still be read open.
    let final: WindowState?
    let startISO: String
    let endISO: String
    /// What the element shows before (or without) JavaScript.
    let text: String
    let before: String
    let open: String
    let closed: String

    /// `websites`/`entry` fill `window.static`, the how-to-apply sentence shown until the window closes.
    init(notice: Notice, book: RuleBook, now: Date) throws {
        let slots = try WindowStatus.slots(notice: notice, book: book)
        final = notice.application.state(at: now) == .closed ? .closed : nil
        startISO = Instant.iso(notice.application.start)
        endISO = Instant.iso(notice.application.end)
        before = Messages.fill(book.messages["window.before"], slots)
        open = Messages.fill(book.messages["window.open"], slots)
        closed = Messages.fill(book.messages["window.closed"], slots)
        text = final == .closed ? closed : try WindowStatus.message("window.static", book, slots)
    }

    /// The `{start}`, `{end}`, `{websites}` and `{entry}` of a notice's window sentences.
    static func slots(notice: Notice, book: RuleBook) throws -> [String: String] {
        let websites = book.exams.filter { exam in notice.covers.contains { $0.exam == exam.id } }.compactMap(\.website?.name)
        return [
            "start": Instant.chinese(notice.application.start), "end": Instant.chinese(notice.application.end),
            "websites": websites.joined(separator: "或"), "entry": notice.entry
        ]
    }

    /// A sentence the site needs from Content/messages.md: a missing one stops the build with the key to add.
    static func message(_ key: String, _ book: RuleBook, _ slots: [String: String]) throws -> String {
        guard let words = book.messages[key], !words.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StepProblem(["Content/messages.md: add '\(key)' (the window's sentence the pages show without JavaScript)"])
        }
        return Messages.fill(words, slots)
    }

    /// The element: `lead` and its static text. With `live`, also the data window.js needs to refine
    /// it while the window may still be before or open (the start tag in one piece, see README
    /// "zh-Hant"); `countdown` adds the words of the home page's countdown. A window closed for good
    /// needs neither: its text is final.
    func write(_ page: inout PageWriter, id: String? = nil, lead: String = "", live: Bool = false, countdown: Bool = false) {
        let idAttribute: Markup = id.map { #" id="\#($0)""# } ?? .empty
        guard live, final == nil else {
            let state: Markup = final.map { #" data-state="\#($0.rawValue)""# } ?? .empty
            page += #"<p\#(idAttribute) class="state"\#(state)>\#(lead)\#(text)</p>"#
            return
        }
        let countdownAttributes: Markup =
            countdown
            ? #" data-left-start="距开始还有 {d} 天 {h} 小时" data-left-end="距截止还有 {d} 天 {h} 小时" data-left-start-hours="距开始还有 {h} 小时 {m} 分" data-left-end-hours="距截止还有 {h} 小时 {m} 分""#
            : .empty
        page +=
            #"<p\#(idAttribute) class="state" aria-live="polite" data-start="\#(startISO)" data-end="\#(endISO)" data-lead="\#(lead)" data-before="\#(before)" data-open="\#(open)" data-closed="\#(closed)"\#(countdownAttributes)>\#(lead)\#(text)</p>"#
    }
}
