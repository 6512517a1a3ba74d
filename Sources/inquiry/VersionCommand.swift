import ArgumentParser
import PasslineCore

/// `inquiry version [--rules FILE | --content DIR]`: the program's version and which rules it answers
/// from — the content version `passline build` wrote into rules.json and the current notice — so the
/// helpdesk can tell a caller (or an editor) exactly what its answers are based on.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print inquiry's version and the content version of the rules it answers from."
    )

    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "A published rules.json to use instead of --content.") var rules: String?

    func run() throws {
        print("inquiry \(PasslineVersion.current)")
        let book = try RuleBookSource(content: content, rules: rules).load()
        print("规则内容版本:\(book.contentVersion ?? "未记录(这份 rules.json 由较早的 passline 生成)")")
        if let notice = book.currentNotice { print("当前通知:\(notice.title)(\(notice.date))") }
        if let latest = book.changelog.first { print("最近更新:\(latest.date)") }
    }
}
