import PasslineCore

/// The report `passline import` prints, in Chinese: what each step did, every value extracted with the
/// clause it came from, what each draft file became, and everything left undecided.
public enum ImportReport {
    public static func render(_ result: NoticeImport, source: String, contentRoot: String, written: [String]?, overwrite: Bool) -> String {
        var out: [String] = []
        let d = result.decoded
        out.append("导入 \(source)(\(d.format == .html ? "网页" : "纯文本"),\(d.encoding))")
        out.append(contentsOf: steps(result).map { "  " + $0 })
        out.append("")
        out.append("提取到的值(请对照原文逐项核对):")
        out.append(contentsOf: values(result.facts, catalog: nil).map { "  " + $0 })
        out.append("")
        out.append(contentsOf: files(result, contentRoot: contentRoot, written: written, overwrite: overwrite))
        let undecided = result.facts.undecided
        if !undecided.isEmpty || !result.facts.notes.isEmpty {
            out.append("")
        }
        if !undecided.isEmpty {
            out.append("没能确定(草稿里写成 \(Scaffold.placeholder),或没有写进去),共 \(undecided.count) 项:")
            out.append(contentsOf: undecided.map { "  \($0.key):\($0.message)" })
        }
        if !result.facts.notes.isEmpty {
            out.append("请留意:")
            out.append(contentsOf: result.facts.notes.map { "  " + $0 })
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func steps(_ r: NoticeImport) -> [String] {
        var lines: [String] = []
        lines.append(r.restored.changedCharacters == 0 ? "原文已是简体,没有转换" : "繁体已转为简体(OpenCC,改了 \(r.restored.changedCharacters) 个字)")
        if r.artefacts.removed.isEmpty {
            lines.append("没有拼音注音要删")
        } else {
            let examples = r.artefacts.removed.prefix(3).map { "“\($0)”" }.joined(separator: "、")
            lines.append("删除拼音注音 \(r.artefacts.removed.count) 处,如 \(examples)")
        }
        let b = r.bounds
        if !b.head.isEmpty { lines.append("删除标题之前的 \(b.head.count) 行(网页导航或转载者的话),第一行是“\(FactExtraction.shorten(b.head[0], 30))”") }
        if !b.pageLines.isEmpty { lines.append("删除标题和正文之间网页加的 \(b.pageLines.count) 行,如“\(FactExtraction.shorten(b.pageLines[0], 30))”") }
        if b.signatureDay == nil {
            lines.append("没找到落款(发文机关一行和单独一行的日期):正文一直保留到文件结尾,请检查最后几段是不是通知的内容")
        } else if !b.tail.isEmpty {
            lines.append("删除落款之后的 \(b.tail.count) 行(网页页脚或转载网站的内容),第一行是“\(FactExtraction.shorten(b.tail[0], 30))”")
        }
        if !r.notice.renumbered.isEmpty {
            lines.append("\(r.notice.renumbered.count) 个条款编号是全角数字(如“\(r.notice.renumbered[0])”),已改成半角:Passline 只认半角数字的编号")
        }
        let ids = r.notice.clauses.map(\.id)
        lines.append("正文分成 \(ids.count) 条:\(ids.joined(separator: " "))")
        return lines
    }

    /// One line per extracted value: what, the value, where it came from.
    static func values(_ f: ExtractedNotice, catalog: ImportCatalog?) -> [String] {
        var lines: [String] = []
        func add(_ label: String, _ finding: Finding<String>?) {
            guard let finding else { return }
            lines.append(
                "\(label):\(finding.value)  ← \(finding.source.chinese)\(finding.quote == finding.value ? "" : "“\(finding.quote)”")")
        }
        add("标题 title", f.title)
        add("发文机关 issuer", f.issuer)
        add("日期 date", f.date)
        if let id = f.id { lines.append("通知 id:\(id)(文件 notices/\(id).md)") }
        add("主送机关 addressee", f.addressee)
        add("原文地址 source_url", f.sourceURL)
        for (label, window) in [("申请时间 application", f.application), ("审核时间 review", f.review)] {
            guard let window else { continue }
            let place = window.clause.map(ClauseName.chinese) ?? "?"
            lines.append(
                "\(label):\(window.start ?? Scaffold.placeholder) 至 \(window.end ?? Scaffold.placeholder)  ← \(place)“\(window.quote)”")
        }
        add("咨询电话 hotline", f.hotline)
        add("入口 entry", f.entry)
        for site in f.websites {
            var line = "网站:\(site.written)(\(site.exam))  ← \(ClauseName.chinese(site.clause))"
            if let name = site.dataName, name != site.written { line += ";exams/\(site.exam).md 里的网站名是“\(name)”,网址以那里为准" }
            lines.append(line)
        }
        for url in f.urls { lines.append("网址:\(url.value)  ← \(url.source.chinese)") }
        for basis in f.legalBasis { lines.append("依据文件 legal_basis:\(basis.value)  ← \(basis.source.chinese)\(basis.quote)") }
        for citation in f.citations
        where !f.legalBasis.contains(where: { $0.quote == "《\(citation.title)》" && $0.source.clause == citation.clause }) {
            let match = citation.sources.isEmpty ? "sources.md 里没有" : "对应 sources.md 的 \(citation.sources.joined(separator: "、"))"
            lines.append("引用文件:《\(citation.title)》  ← \(ClauseName.chinese(citation.clause))(\(match),不算依据文件)")
        }
        for role in f.roles { lines.append("roles.\(role.name):\(role.clause)  ← \(ClauseName.chinese(role.clause))\(role.reason)") }
        for session in f.sessions {
            let scores = session.thresholds.sorted { $0.key < $1.key }.map {
                "\(SessionExtraction.levelName($0.key)) \(DraftWriter.score($0.value))"
            }
            let missing = session.missing.map { "\(SessionExtraction.levelName($0)) \(Scaffold.placeholder)" }
            lines.append(
                "场次 \(session.id)(\(session.label)):\((scores + missing).joined(separator: "、"))  ← \(ClauseName.chinese(session.clause))“\(session.quote)”"
            )
        }
        return lines
    }

    static func files(_ r: NoticeImport, contentRoot: String, written: [String]?, overwrite: Bool) -> [String] {
        var lines = ["草稿文件:"]
        let blocked = !r.blocked(overwrite: overwrite).isEmpty
        for draft in r.drafts {
            let path = "\(contentRoot)/\(draft.relativePath)"
            let decision: String
            switch draft.status {
            case .new: decision = written == nil ? "新文件(这次没有写入)" : (blocked ? "新文件,但因为下面的冲突这次没有写入" : "新建")
            case .unchanged: decision = "已有,内容和草稿完全一样,没有改动"
            case .sameFacts: decision = "已有,场次名称和合格标准都和通知一致,保留原文件不动"
            case let .conflict(reasons, canOverwrite):
                let why = reasons.joined(separator: ";")
                if !canOverwrite {
                    decision = "冲突,没有写入:\(why)。这个场次已在别的文件里定义,请手工核对"
                } else if overwrite, written != nil {
                    decision = "已覆盖(--overwrite):\(why)"
                } else {
                    decision = "冲突,没有写入:\(why)。核对后加 --overwrite 覆盖,或先手工改好"
                }
            }
            lines.append("  \(path):\(decision)")
        }
        if blocked, written != nil {
            lines.append("  有文件会被覆盖,所以这次一个文件都没有写(不加 --overwrite 不覆盖已有文件)。")
        }
        return lines
    }
}
