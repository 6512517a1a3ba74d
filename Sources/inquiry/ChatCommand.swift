import ArgumentParser
import Foundation
import PasslineInquiry

/// `inquiry` / `inquiry chat`: a conversation. On a terminal, a prompt with line editing and history;
/// otherwise one question per line from stdin, answered in turn, keeping the conversation.
struct ChatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "chat", abstract: "Chat with the helpdesk bot (the default).")

    @OptionGroup var options: BotOptions

    func run() throws {
        let bot = try options.makeBot()
        var conversation = bot.conversation()
        if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !options.json {
            interactive(bot: bot, conversation: &conversation)
        } else {
            // readLine repairs invalid UTF-8; the bot bounds and cleans every line.
            let clock = ContinuousClock()
            while let line = readLine(strippingNewline: true) {
                let start = clock.now
                let reply = conversation.reply(to: line, now: options.instant())
                if options.explain { FileHandle.standardError.write(Data("time=\(clock.now - start)\n".utf8)) }
                options.emit(reply, question: line)
                if !options.json { print("") }
                fflush(nil)
            }
        }
    }

    func interactive(bot: InquiryBot, conversation: inout Conversation) {
        let replies = bot.book.inquiry?.replies ?? [:]
        print(replies["greeting"].map { $0.replacingOccurrences(of: "{title}", with: bot.book.currentNotice?.title ?? "") } ?? "")
        print("/help  /reset  /quit  (Ctrl-D)")
        var editor = LineEditor(prompt: "问> ")
        while let line = editor.readLine() {
            let command = line.trimmingCharacters(in: .whitespaces)
            switch command {
            case "/quit", "/exit", "/q": return
            case "/reset":
                conversation.reset()
                print(replies["reset"] ?? "")
            case "/help":
                print(replies["help"] ?? "")
            default:
                options.emit(conversation.reply(to: line, now: options.instant()), question: line)
            }
            print("")
        }
    }
}
