import ArgumentParser
import PasslineCore

@main
struct Passline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passline",
        abstract: "Check and publish the 单独划线补申领 content: Content/ → Site/.",
        version: PasslineVersion.current,
        subcommands: [Check.self, Build.self, Serve.self, Diff.self, New.self, Import.self]
    )
}
