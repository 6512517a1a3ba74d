import ArgumentParser
import PasslineCore

@main
struct Inquiry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inquiry",
        abstract: "Answer candidates' questions about the 单独划线补申领 from the rules data.",
        version: PasslineVersion.current,
        subcommands: [ChatCommand.self, AskCommand.self, CheckCommand.self, VersionCommand.self, EvalCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}
