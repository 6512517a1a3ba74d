import ArgumentParser
import PasslineInquiry

/// `inquiry ask "问题"`: one question, one answer.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ask", abstract: "Answer one question and exit.")

    @OptionGroup var options: BotOptions
    @Argument(help: "The question, in Simplified or Traditional Chinese.") var question: [String] = []

    func run() throws {
        let bot = try options.makeBot()
        var conversation = bot.conversation()
        let text = question.joined(separator: " ")
        options.emit(conversation.reply(to: text, now: options.instant()), question: text)
    }
}
