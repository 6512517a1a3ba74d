import ArgumentParser
import Foundation
import PasslineCore
import PasslineSite

/// `passline diff`: what an edit of Content/ changes for candidates, in plain Chinese.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changes for candidates between Content/ and a git revision (default HEAD).",
        discussion: """
            Prints one line per change, e.g. "2024年下半年 软考 高级 单独划线: 40 → 41". With --record the same lines are \
            appended, dated, to Content/changelog.md (the site's 更新记录 page and feed).
            A page that would list less than before (a session, an exam or a table row gone from the home or \
            thresholds page) is reported after the changes, and is not recorded.
            Exit status: 0 nothing changed; 1 something changed or a page lost a row; 2 an error (content that does not load, not a git \
            work tree, unknown revision).
            """
    )

    @Argument(help: "The git revision to compare with: HEAD (the last commit), HEAD~1, a commit id, a tag.")
    var revision = "HEAD"

    @Option(help: "The content directory.")
    var content = "Content"

    @Flag(help: "Append the report, dated, to <content>/changelog.md.")
    var record = false

    @Option(help: "The day --record writes, e.g. 2025-03-01 (default: today, Beijing time).")
    var date: String?

    @Flag(help: "Print the changes as JSON (subject, kind, key, before, after, line).")
    var json = false

    func run() throws {
        let day = date ?? Instant.day(Date())
        guard Instant.parseDay(day) != nil else { throw fail(["--date must be a day like 2025-03-01 (found '\(day)')"]) }
        let working = try load(content, shownAs: content)
        let base: RuleBook
        do {
            let past = try GitContent(revision: revision, content: content)
            defer { past.remove() }
            base = try load(past.directory.path, shownAs: past.displayName)
        } catch let failure as GitContent.Failure {
            throw fail([failure.description])
        }

        let diff = RuleBookDiff(from: base, to: working)
        // What the pages list and no longer would: a session, an exam, a row of a table.
        let losses: [SiteRows.Loss]
        do { losses = try SiteRows.losses(from: base, to: working) } catch {
            // The changes are still worth showing; say what could not be compared.
            printError("无法比较两版页面列出的场次(\(error)),下面只列出规则的变化")
            losses = []
        }
        if json {
            let data = try RuleBook.jsonEncoder(pretty: true).encode(diff.changes)
            print(String(decoding: data, as: UTF8.self))
        } else if diff.isEmpty && losses.isEmpty {
            print("与 \(revision) 相比,没有影响考生的改动。")
        } else if !diff.isEmpty {
            print("与 \(revision) 相比,考生会看到这些变化:")
            diff.lines.forEach { print($0) }
        }
        if !losses.isEmpty {
            // On standard error with --json, so the JSON stays a document.
            func say(_ line: String) { if json { printError(line) } else { print(line) } }
            say("注意:与 \(revision) 相比,这些页面少了内容,考生会找不到它们(若是有意删掉的可以不管;否则把删掉的场次、考试或通知加回来):")
            losses.forEach { say($0.line) }
        }
        guard !diff.isEmpty else {
            if !losses.isEmpty { throw ExitCode(1) }
            return
        }
        if record, let same = working.changelog.first(where: { $0.changes == diff.lines }) {
            printError("not recorded again: the changelog entry of \(same.date) already lists exactly these changes")
        } else if record {
            let path = URL(fileURLWithPath: content).appendingPathComponent(ChangelogText.fileName)
            let existing = try? String(contentsOf: path, encoding: .utf8)
            do {
                try ChangelogText.appending(diff.lines, day: day, to: existing).write(to: path, atomically: true, encoding: .utf8)
            } catch {
                throw fail(["cannot write \(path.path): \(error.localizedDescription)"])
            }
            printError("recorded \(diff.changes.count) change(s) under \(day) in \(path.relativePath); commit it with your edit")
        }
        throw ExitCode(1)
    }

    /// Loads a content tree, or reports its errors (with paths as the editor knows them) and exits 2.
    private func load(_ directory: String, shownAs name: String) throws -> RuleBook {
        do {
            return try ContentLoader(directory: directory).load().book
        } catch let errors as ContentErrors {
            let lines = errors.diagnostics.filter { $0.severity == .error }.map {
                $0.description.replacingOccurrences(of: directory, with: name)
            }
            let advice = name == content ? "fix it first (passline check --content \(content))" : "this version of passline cannot read it"
            throw fail(lines + ["\(name) does not load, so there is nothing to compare: \(advice)"])
        }
    }

    private func fail(_ lines: [String]) -> ExitCode {
        lines.forEach(printError)
        return ExitCode(2)
    }
}
