import ArgumentParser

@main
struct Inquiry: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inquiry",
        abstract: "Answer candidates' questions about the 单独划线补申领 from the rules data.",
        subcommands: [ChatCommand.self, AskCommand.self, CheckCommand.self],
        defaultSubcommand: ChatCommand.self
    )
}
