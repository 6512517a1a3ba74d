import Foundation
@testable import PasslineCore

/// A temporary copy of `Fixtures/base` (a valid content tree) that a test edits and loads, so each
/// test states its change in a few lines and sees diagnostics with paths relative to the copy.
struct ContentFixture {
    /// The copy itself (`PasslineTesting`); this type adds loading and positions.
    private let scratch: ScratchContent
    var root: URL { scratch.root }

    init() throws { scratch = try ScratchContent(copying: Repo.fixtures.appendingPathComponent("base")) }

    func remove() { scratch.remove() }

    func read(_ relative: String) throws -> String { try scratch.read(relative) }

    func write(_ relative: String, _ text: String) throws { try scratch.write(relative, text) }

    /// Replaces `old` by `new` in a file; fails loudly if `old` is not there, so a fixture never
    /// silently stops testing what it says.
    func replace(_ relative: String, _ old: String, with new: String) throws { try scratch.replace(relative, old, with: new) }

    func delete(_ relative: String) throws { try FileManager.default.removeItem(at: scratch.url(relative)) }

    func loader(now: Date = beijing("2025-02-01T10:00")) -> ContentLoader { ContentLoader(directory: root.path, now: now) }

    func load(now: Date = beijing("2025-02-01T10:00")) throws -> (book: RuleBook, warnings: [Diagnostic]) { try loader(now: now).load() }

    /// Every diagnostic of a load (errors or warnings), as `path:line:column: severity: message` with
    /// paths relative to the content directory.
    func diagnostics(now: Date = beijing("2025-02-01T10:00")) -> [String] {
        let found: [Diagnostic]
        do { found = try load(now: now).warnings } catch let errors as ContentErrors { found = errors.diagnostics } catch {
            return ["\(error)"]
        }
        return found.map { $0.description.replacingOccurrences(of: root.path + "/", with: "") }
    }

    /// 1-based line and column of the first occurrence of `needle` in a file.
    func position(of needle: String, in relative: String) throws -> (line: Int, column: Int) {
        for (index, line) in try read(relative).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: needle) { return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 1) }
        }
        throw FixtureError(description: "'\(needle)' is not in \(relative)")
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// A summary notice of the first round (2024-09-20) as the fixtures' content can hold it: the base
/// sources.md defines `notice-2024-09-20`. Values from research §4.1.
let firstRoundSummary = """
    ---
    id: 2024-09-20
    kind: summary
    title: 关于开展计算机软件资格考试、通信职业水平考试单独划线地区证书补申领工作的通告
    issuer: 工业和信息化部教育与考试中心
    date: 2024-09-20
    sources: [notice-2024-09-20]
    application: {start: 2024-09-23T09:00+08:00, end: 2024-10-25T17:00+08:00}
    review: {start: 2024-09-23T09:00+08:00, end: 2024-10-28T17:00+08:00}
    hotline: 010-68607734
    entry: 单独划线补申领
    legal_basis: [hrss-2022-25]
    covers:
      - {exam: ruankao, session: 2023-H1}
      - {exam: ruankao, session: 2023-H2}
      - {exam: ruankao, session: 2024-H1}
      - {exam: tongxin, session: "2023"}
    ---
    **这是摘要,不是通告原文。**

    """
