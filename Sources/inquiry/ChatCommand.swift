import ArgumentParser
import Foundation
import PasslineInquiry

/// `inquiry` / `inquiry chat`: a conversation. On a terminal, a prompt with line editing and history;
/// otherwise one question per line from stdin, answered in turn, keeping the conversation. `/reset`
/// and `/quit` work in both; `/help` is answered like any question.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Chat with the helpdesk bot (the default).")

    @OptionGroup var options: BotOptions

    func run() throws {
        let bot = try options.makeBot()
        var conversation = bot.conversation()
        let replies = bot.book.inquiry?.replies ?? [:]
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !options.json {
            print((replies["greeting"] ?? "").replacingOccurrences(of: "{title}", with: bot.book.currentNotice?.title ?? ""))
            print("/help  /reset  /quit  (Ctrl-D)")
            var editor = LineEditor(prompt: "问> ")
            while let line = editor.readLine() {
                guard handle(line, conversation: &conversation, replies: replies) else { return }
                print("")
            }
        } else {
            // readLine repairs invalid UTF-8; the bot bounds and cleans every line.
            while let line = readLine(strippingNewline: true) {
                guard handle(line, conversation: &conversation, replies: replies) else { return }
                if !options.json { print("") }
                fflush(nil)
            }
        }
    }

    /// Answers one line; `false` when the caller asked to quit.
    func handle(_ line: String, conversation: inout Conversation, replies: [String: String]) -> Bool {
        switch line.trimmingCharacters(in: .whitespaces) {
        case "/quit", "/exit", "/q": return false
        case "/state":
            // The dialogue state as the bot holds it: what was said, what it asked, the verdict.
            print(conversation.state.summary)
        case "/reset":
            conversation.reset()
            let answer = Answer(answer: replies["reset"] ?? "", intent: "reset", citations: [], needs: [])
            options.emit(Conversation.Reply(answer: answer, fellBack: false, explanation: "reset"), question: line)
        default:
            let clock = ContinuousClock()
            let start = clock.now
            let reply = conversation.reply(to: line, now: options.instant())
            if options.explain { FileHandle.standardError.write(Data("time=\(clock.now - start)\n".utf8)) }
            options.emit(reply, question: line)
        }
        return true
    }
}
