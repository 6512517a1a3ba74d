import ArgumentParser
import Foundation
import PasslineCore
import PasslineImport

/// `passline import FILE`: a draft notice and draft session files from a notice's text or a saved web
/// page of it, a report of every value read and of what is left to decide, then the check. Argument
/// parsing only: the steps are in PasslineImport.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft Content/notices/<id>.md and Content/sessions/*.md from a notice (text or saved web page), then check.",
        discussion: """
            Restores Simplified characters, removes pinyin artefacts like 據(jù), cuts what follows the signature, \
            numbers the clauses and reads title, issuer, date, windows, hotline, entry, websites, sessions and \
            thresholds. The report names the clause each value came from and every 待填 left. Existing files are \
            never replaced unless --overwrite is given; if one would be, nothing is written. Examples:
              passline import ~/Downloads/notice.txt
              passline import 通知.html --source-url http://… --dry-run
            Exit status: 0 the drafts were written (they may still hold 待填); 2 nothing was written.
            """
    )

    @Argument(help: "The notice: plain text (UTF-8, GB18030 or UTF-16) or a saved HTML page.")
    var file: String

    @Option(help: "The content directory.")
    var content = "Content"

    @Option(help: "The notice's id (its signature date, e.g. 2025-01-15); default: the signature date in the text.")
    var id: String?

    @Option(name: .customLong("source-url"), help: "The address of the official text, when the file does not name it.")
    var sourceURL: String?

    @Flag(help: "Replace existing files that differ from the drafts.")
    var overwrite = false

    @Flag(name: .customLong("dry-run"), help: "Print the report and the drafts; write nothing.")
    var dryRun = false

    @Option(help: "The instant the check judges windows at (see passline check --now).")
    var now: String?

    func run() throws {
        let instant = try parseNow(now)
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("读不到 \(file):请检查文件名和路径")
            throw ExitCode(2)
        }
        let catalog = ImportCatalog(book: ContentLoader(directory: content).draft())
        guard !catalog.exams.isEmpty else {
            printError("\(content) 里没有考试(exams/*.md):用 --content 指明内容目录")
            throw ExitCode(2)
        }
        let root = URL(fileURLWithPath: content, isDirectory: true)
        let result: NoticeImport
        do {
            result = try NoticeImport.run(
                data, options: .init(fileName: file, id: id, sourceURL: sourceURL), catalog: catalog, phrasing: try Phrasing.standard()
            ) { relative in
                try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            }
        } catch let failure as ImportFailure {
            printError(failure.message)
            throw ExitCode(2)
        }

        let shownRoot = content.hasSuffix("/") ? String(content.dropLast()) : content
        if dryRun {
            print(ImportReport.render(result, source: file, contentRoot: shownRoot, written: nil, overwrite: overwrite), terminator: "")
            for draft in result.drafts where draft.status != .unchanged {
                print("\n----- 草稿 \(shownRoot)/\(draft.relativePath) -----")
                print(draft.text, terminator: "")
            }
            print("\n(--dry-run:什么都没有写入)")
            return
        }
        let written: [String]
        do {
            written = try result.write(into: root, overwrite: overwrite)
        } catch {
            printError("写不进 \(shownRoot):\(error.localizedDescription)")
            throw ExitCode(2)
        }
        print(ImportReport.render(result, source: file, contentRoot: shownRoot, written: written, overwrite: overwrite), terminator: "")
        guard result.blocked(overwrite: overwrite).isEmpty else { throw ExitCode(2) }
        print("")
        checkAndListBlanks(content: content, now: instant)
    }
}

/// Runs the check on `content` and lists every `待填` left, by file: how `passline new` and
/// `passline import` end. Errors at a `待填` are not repeated; the list says what goes there.
func checkAndListBlanks(content: String, now: Date) {
    let blanks = Blanks.find(inDirectory: content)
    let atBlank = Set(blanks.map { "\($0.path):\($0.line)" })
    do {
        let (_, warnings) = try ContentLoader(directory: content, now: now).load()
        warnings.forEach { print($0.description) }
        print("检查 \(content):通过")
    } catch let errors as ContentErrors {
        let others = errors.diagnostics.filter { $0.severity == .error && !atBlank.contains("\($0.path):\($0.line)") }
        errors.diagnostics.filter { $0.severity == .warning }.forEach { print($0.description) }
        others.forEach { print($0.description) }
        if others.isEmpty {
            print("检查 \(content):除了待填没有发现别的问题;待填都填上之后,passline check 还会核对正文写的日期和分数与数据是否一致")
        } else {
            print("检查 \(content):除了待填,还有 \(others.count) 个问题(见上)")
        }
    } catch {
        print("检查 \(content) 没有完成:\(error)")
    }
    if blanks.isEmpty {
        print("没有待填了。")
    } else {
        print("")
        print(Blanks.report(blanks), terminator: "")
        print("填好后运行:passline check --content \(content)")
    }
}
