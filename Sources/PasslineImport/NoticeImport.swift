import Foundation
import PasslineCore

/// `passline import`: a notice's official text or a repost of it (plain text or a saved web page)
/// turned into a draft `notices/<id>.md` and draft `sessions/<exam>-<session>.md`, with a report.
///
/// The pipeline is a row of named steps, each a value in and a value out, so each can be tested alone
/// and the report can say what each did:
/// decode (`SourceDecoding`) → restore Simplified (`ScriptRestoration`) → strip pinyin
/// (`PinyinArtefacts`) → find the notice's bounds and cut what follows the signature (`NoticeBounds`) →
/// number the clauses (`SegmentedNotice`) → extract the facts (`FactExtraction`) → write the drafts
/// (`DraftWriter`) → report (`ImportReport`). Nothing is written to disk here: `ImportPlan` does that.
public struct NoticeImport: Sendable {
    public struct Options: Sendable {
        /// The imported file's name (its extension helps tell a page from text; the draft names it).
        public var fileName: String
        /// The notice's id, when the editor gives it; else the signature date.
        public var id: String?
        /// The official page's address, when the editor gives it.
        public var sourceURL: String?

        public init(fileName: String, id: String? = nil, sourceURL: String? = nil) {
            self.fileName = fileName
            self.id = id
            self.sourceURL = sourceURL
        }
    }

    public var decoded: DecodedSource
    public var restored: ScriptRestoration.Result
    public var artefacts: PinyinArtefacts.Result
    public var bounds: NoticeBounds
    public var notice: SegmentedNotice
    public var facts: ExtractedNotice
    public var drafts: [DraftFile]

    /// Runs every step. `existing` gives the text of a file already in the content directory (by
    /// relative path), so the drafts can say whether they would replace anything.
    public static func run(
        _ data: Data, options: Options, catalog: ImportCatalog, phrasing: Phrasing, existing: (String) -> String? = { _ in nil }
    ) throws -> NoticeImport {
        let decoded = try SourceDecoding.decode(data, fileName: options.fileName)
        guard !decoded.lines.isEmpty else { throw ImportFailure(message: "文件里没有文字") }
        let restored = try ScriptRestoration.restore(decoded.lines)
        let artefacts = PinyinArtefacts.strip(restored.lines)
        let bounds = NoticeBounds.find(in: artefacts.lines, phrasing: phrasing)
        guard bounds.body.contains(where: { NoticeGrammar.section($0) != nil }) || bounds.title != nil else {
            throw ImportFailure(message: "这个文件看起来不是通知:没有标题(关于……的通知),也没有“一、”开头的条款")
        }
        let notice = SegmentedNotice.segment(bounds.body, phrasing: phrasing)
        var facts = FactExtraction(
            bounds: bounds, notice: notice, phrasing: phrasing, catalog: catalog, id: options.id, sourceURL: options.sourceURL,
            pageAddress: decoded.pageAddress
        ).extract()
        if facts.id == nil {
            throw ImportFailure(message: "没找到落款日期,不知道通知该叫什么:用 --id 指明通知日期,如 --id 2025-01-15")
        }
        if let id = facts.id, Instant.parseDay(id) == nil {
            throw ImportFailure(message: "通知的 id 是它的落款日期,如 2025-01-15(现在是“\(id)”)")
        }
        if !catalog.noticeIDs.contains(facts.id!), facts.sessions.isEmpty {
            facts.notes.append("没有找到任何场次的合格标准:covers 和场次文件需要手工添加")
        }
        let name = (options.fileName as NSString).lastPathComponent
        let drafts = DraftWriter(facts: facts, notice: notice, catalog: catalog, fileName: name).drafts(existing: existing)
        return NoticeImport(
            decoded: decoded, restored: restored, artefacts: artefacts, bounds: bounds, notice: notice, facts: facts, drafts: drafts)
    }

    /// Files that exist, differ, and are not written without `--overwrite` (or cannot be at all).
    public func blocked(overwrite: Bool) -> [DraftFile] {
        drafts.filter {
            if case .conflict = $0.status { return !$0.writes(overwrite: overwrite) }; return false
        }
    }

    /// Writes the drafts into `directory`, all or nothing: if any would replace a different file without
    /// `overwrite`, nothing is written. Returns the paths written.
    public func write(into directory: URL, overwrite: Bool) throws -> [String] {
        guard blocked(overwrite: overwrite).isEmpty else { return [] }
        var written: [String] = []
        for draft in drafts where draft.writes(overwrite: overwrite) {
            let url = directory.appendingPathComponent(draft.relativePath)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try draft.text.write(to: url, atomically: true, encoding: .utf8)
            written.append(draft.relativePath)
        }
        return written
    }
}
