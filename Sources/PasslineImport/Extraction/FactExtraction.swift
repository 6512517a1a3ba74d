import Foundation
import PasslineCore

/// Step 7: the facts of a notice, each read from the imported text with the clause that states it.
///
/// Nothing here knows a date, score, phone number or name: the words it looks for are in `Phrasing`
/// and the exam, level and source names in the catalog (`Content/`). What the text does not state, or
/// states ambiguously, is left undecided with the reason, never guessed.
public struct FactExtraction {
    let bounds: NoticeBounds
    let notice: SegmentedNotice
    let phrasing: Phrasing
    let catalog: ImportCatalog
    /// `--id`, when the editor gives it.
    let id: String?
    /// `--source-url`, when the editor gives it.
    let sourceURL: String?
    let pageAddress: String?

    public init(
        bounds: NoticeBounds, notice: SegmentedNotice, phrasing: Phrasing, catalog: ImportCatalog, id: String? = nil,
        sourceURL: String? = nil, pageAddress: String? = nil
    ) {
        self.bounds = bounds
        self.notice = notice
        self.phrasing = phrasing
        self.catalog = catalog
        self.id = id
        self.sourceURL = sourceURL
        self.pageAddress = pageAddress
    }

    public func extract() -> ExtractedNotice {
        var facts = ExtractedNotice()
        readHeader(into: &facts)
        facts.application = window("application", labels: phrasing.windows.application, into: &facts)
        facts.review = window("review", labels: phrasing.windows.review, into: &facts)
        readHotline(into: &facts)
        readEntry(into: &facts)
        readWebsites(into: &facts)
        readCitations(into: &facts)
        facts.sessions = SessionExtraction(notice: notice, phrasing: phrasing, catalog: catalog).sessions(
            undecided: &facts.undecided, notes: &facts.notes)
        facts.roles = RoleExtraction(notice: notice, phrasing: phrasing, catalog: catalog).roles(
            sessions: facts.sessions, hotline: facts.hotline, undecided: &facts.undecided, notes: &facts.notes)
        return facts
    }

    static func shorten(_ text: String, _ limit: Int = 40) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "……"
    }

    // MARK: title, issuer, date, addressee, address

    private func readHeader(into facts: inout ExtractedNotice) {
        if let title = bounds.title {
            facts.title = Finding(value: title, source: .title, quote: title)
        } else {
            facts.undecided.append(
                Undecided(
                    key: "title",
                    message:
                        "没找到标题(以“\(phrasing.title.starts.joined(separator: "、"))”开头、以“\(phrasing.title.ends.joined(separator: "、"))”结尾的一行):请照通知填写"
                ))
        }
        if let issuer = bounds.issuer {
            facts.issuer = Finding(value: issuer, source: .signature, quote: issuer)
        } else {
            facts.undecided.append(Undecided(key: "issuer", message: "落款里没找到发文机关:请照通知落款填写"))
        }
        if let day = bounds.signatureDay {
            facts.date = Finding(value: day.iso, source: .signature, quote: bounds.signatureText ?? day.iso)
        } else {
            facts.undecided.append(Undecided(key: "date", message: "没找到落款日期(单独一行的“某年某月某日”):请照通知落款填写"))
        }
        facts.id = id ?? facts.date?.value
        if let id, let date = facts.date?.value, id != date {
            facts.notes.append("--id \(id) 与落款日期 \(date) 不同:文件按 --id 命名,date 仍写落款日期")
        }
        if let addressee = bounds.addressee {
            facts.addressee = Finding(value: addressee, source: .addressee, quote: addressee + ":")
        } else {
            facts.notes.append("标题后没有以冒号结尾的主送机关一行:草稿里没有 addressee(通知若有,请补上)")
        }
        if let sourceURL {
            facts.sourceURL = Finding(value: sourceURL, source: .option, quote: sourceURL)
        } else if let tail = bounds.tailAddress {
            facts.sourceURL = Finding(value: tail, source: .afterSignature, quote: tail)
            if let page = pageAddress, page != tail { facts.notes.append("网页本身的地址是 \(page);source_url 用的是它注明的原文地址") }
        } else if let page = pageAddress {
            facts.sourceURL = Finding(value: page, source: .pageAddress, quote: page)
        } else {
            facts.undecided.append(Undecided(key: "source_url", message: "文件里没有原文地址:填上通知原文所在网页的地址(或导入时加 --source-url)"))
        }
        if let number = bounds.documentNumber {
            facts.notes.append("文号“\(number)”没有写进草稿:通知的格式里没有这一项")
        }
    }

    // MARK: windows

    private func window(_ key: String, labels: [String], into facts: inout ExtractedNotice) -> WindowFinding? {
        let reader = WindowReader(labels: labels, ranges: phrasing.range)
        var readings: [(clause: String, reading: WindowReader.Reading)] = []
        for clause in notice.clauses {
            for reading in reader.readings(in: clause.text) { readings.append((clause.id, reading)) }
        }
        let name = key == "application" ? "申请时间" : "审核时间"
        guard let first = readings.first else {
            let what = key == "application" ? "请照通知填写" : "通知若没有审核时间,删掉 review 这一行"
            facts.undecided.append(Undecided(key: key, message: "没找到\(name)(“\(labels.joined(separator: "”“"))”后面的起止时间):\(what)"))
            return nil
        }
        let distinct = readings.reduce(into: [WindowReader.Reading]()) { list, r in
            if !list.contains(where: { $0.start == r.reading.start && $0.end == r.reading.end }) { list.append(r.reading) }
        }
        if distinct.count > 1 {
            let listed = readings.map { "\(ClauseName.chinese($0.clause))“\($0.reading.quote)”" }.joined(separator: ";")
            facts.undecided.append(Undecided(key: key, message: "\(name)出现了不止一种写法:\(listed)。请确认后填写"))
            return WindowFinding(start: nil, end: nil, clause: nil, quote: first.reading.quote)
        }
        var window = WindowFinding(start: nil, end: nil, clause: first.clause, quote: first.reading.quote)
        let where_ = ClauseName.chinese(first.clause)
        // The start's year: as written, else the signature's (the year the notice is about).
        var startYear = first.reading.start.year
        if startYear == nil, let day = bounds.signatureDay {
            startYear = day.year
            if let month = first.reading.start.month, month < day.month - 1 { startYear = day.year + 1 }
            facts.notes.append("\(where_)的\(name)没有写年份:按落款日期取 \(startYear!) 年,请核对")
        }
        guard let year = startYear, let startMonth = first.reading.start.month else {
            facts.undecided.append(Undecided(key: "\(key).start", message: "\(where_)的\(name)“\(first.reading.quote)”没有写明年月:请照通知填写"))
            return window
        }
        let start = first.reading.start, end = first.reading.end
        var endYear = end.year ?? year
        let endMonth = end.month ?? startMonth
        if end.year == nil, (endMonth, end.day) < (startMonth, start.day) { endYear += 1 }
        window.start = instant(
            key: "\(key).start", name: name, where_, year, startMonth, start.day, start.hour, start.minute, quote: first.reading.quote,
            into: &facts)
        window.end = instant(
            key: "\(key).end", name: name, where_, endYear, endMonth, end.day, end.hour, end.minute, quote: first.reading.quote,
            into: &facts)
        if readings.count > 1 {
            facts.notes.append("\(name)在\(readings.map { ClauseName.chinese($0.clause) }.joined(separator: "、"))都写了,一致;clause 取\(where_)")
        }
        return window
    }

    private func instant(
        key: String, name: String, _ where_: String, _ year: Int, _ month: Int, _ day: Int, _ hour: Int?, _ minute: Int?, quote: String,
        into facts: inout ExtractedNotice
    ) -> String? {
        let which = key.hasSuffix("start") ? "开始" : "截止"
        guard let hour, let minute else {
            facts.undecided.append(
                Undecided(
                    key: key,
                    message:
                        "\(where_)“\(quote)”的\(which)只写了日期(\(month)月\(day)日),没有写几点:请照通知补上时刻,如 \(year)-\(NoticeGrammar.pad(month))-\(NoticeGrammar.pad(day))T17:00+08:00"
                ))
            return nil
        }
        let text =
            "\(year)-\(NoticeGrammar.pad(month))-\(NoticeGrammar.pad(day))T\(NoticeGrammar.pad(hour)):\(NoticeGrammar.pad(minute))+08:00"
        guard Instant.parse(text) != nil else {
            facts.undecided.append(
                Undecided(
                    key: key,
                    message: "\(where_)“\(quote)”的\(which)时间(\(year)年\(month)月\(day)日\(hour):\(NoticeGrammar.pad(minute)))不存在:请核对通知"))
            return nil
        }
        return text
    }

    // MARK: hotline, entry, websites

    private func readHotline(into facts: inout ExtractedNotice) {
        var found: [(String, String)] = []
        for clause in notice.clauses {
            for number in PhoneNumbers.find(in: clause.text) where !found.contains(where: { $0.0 == number }) {
                found.append((number, clause.id))
            }
        }
        var chosen = found
        if found.count > 1 {
            chosen = found.filter { number, id in phrasing.hotline.contains { notice.clause(id)?.text.contains($0) == true } }
        }
        guard chosen.count == 1, let (number, clause) = chosen.first else {
            let message =
                found.isEmpty
                ? "通知里没有电话号码:请照通知填写咨询电话"
                : "通知里有几个电话号码(\(found.map { "\($0.0)(\(ClauseName.chinese($0.1)))" }.joined(separator: "、"))),分不出哪个是咨询电话:请选一个填写"
            facts.undecided.append(Undecided(key: "hotline", message: message))
            return
        }
        let line = notice.clause(clause)?.lines.first { NoticeGrammar.halfWidth($0).contains(number) } ?? number
        facts.hotline = Finding(value: number, source: .clause(clause), quote: Self.shorten(line, 60))
        if found.count > 1 {
            facts.notes.append(
                "通知里还有别的号码(\(found.filter { $0.0 != number }.map(\.0).joined(separator: "、"))):咨询电话取写在“\(phrasing.hotline.joined(separator: "/"))”旁边的 \(number)"
            )
        }
    }

    private func readEntry(into facts: inout ExtractedNotice) {
        let pairs: [(Character, Character)] = [("“", "”"), ("\"", "\""), ("「", "」"), ("『", "』"), ("‘", "’")]
        var found: [(String, String, String)] = []
        for clause in notice.clauses {
            let chars = Array(clause.text)
            for (i, c) in chars.enumerated() {
                guard let close = pairs.first(where: { $0.0 == c })?.1, let j = chars[(i + 1)...].firstIndex(of: close), j - i - 1 >= 2,
                    j - i - 1 <= 30
                else { continue }
                var k = j + 1
                while k < chars.count, chars[k] == " " { k += 1 }
                let after = String(chars[k..<min(chars.count, k + 4)])
                guard let word = phrasing.entry.first(where: { after.hasPrefix($0) }) else { continue }
                let name = String(chars[(i + 1)..<j])
                if !found.contains(where: { $0.0 == name }) { found.append((name, clause.id, String(chars[i..<(k + word.count)]))) }
            }
        }
        guard found.count == 1, let (name, clause, quote) = found.first else {
            let message =
                found.isEmpty
                ? "没找到考试网站上的入口名称(引号里的名字,后面跟“\(phrasing.entry.joined(separator: "/"))”):请照通知填写"
                : "找到几个入口名称(\(found.map { "“\($0.0)”" }.joined(separator: "、"))):请选一个填写"
            facts.undecided.append(Undecided(key: "entry", message: message))
            return
        }
        facts.entry = Finding(value: name, source: .clause(clause), quote: quote)
    }

    private func readWebsites(into facts: inout ExtractedNotice) {
        for exam in catalog.exams {
            for clause in notice.clauses {
                if let name = exam.website?.name, clause.text.contains(name) {
                    facts.websites.append(WebsiteFinding(exam: exam.id, written: name, dataName: name, clause: clause.id))
                    break
                }
                let written = catalog.names(of: exam).lazy.flatMap { n in ["网站", "网"].map { n + $0 } }.first { clause.text.contains($0) }
                if let written {
                    facts.websites.append(WebsiteFinding(exam: exam.id, written: written, dataName: exam.website?.name, clause: clause.id))
                    break
                }
            }
        }
        for clause in notice.clauses {
            for line in clause.lines {
                var rest = Substring(line)
                while let url = NoticeBounds.firstURL(in: String(rest)) {
                    facts.urls.append(Finding(value: url, source: .clause(clause.id), quote: url))
                    guard let range = rest.range(of: url) else { break }
                    rest = rest[range.upperBound...]
                }
            }
        }
    }

    // MARK: cited documents

    private func readCitations(into facts: inout ExtractedNotice) {
        let opening = notice.clauses.first { $0.id == "序" } ?? notice.clauses.first
        for clause in notice.clauses {
            var rest = Substring(clause.text)
            while let open = rest.firstIndex(of: "《"), let close = rest[open...].firstIndex(of: "》") {
                let title = String(rest[rest.index(after: open)..<close])
                rest = rest[rest.index(after: close)...]
                let plain = Self.comparable(title)
                let matching = catalog.sources.filter { Self.comparable($0.title).contains(plain) }.map(\.id)
                facts.citations.append(Citation(title: title, clause: clause.id, sources: matching))
                guard clause.id == opening?.id else { continue }
                switch matching.count {
                case 1: facts.legalBasis.append(Finding(value: matching[0], source: .clause(clause.id), quote: "《\(title)》"))
                case 0:
                    facts.undecided.append(
                        Undecided(
                            key: "legal_basis",
                            message: "\(ClauseName.chinese(clause.id))依据的《\(title)》在 sources.md 里没有:先把它加进 sources.md,再把它的 id 写进 legal_basis"
                        ))
                default:
                    facts.undecided.append(
                        Undecided(
                            key: "legal_basis",
                            message:
                                "\(ClauseName.chinese(clause.id))依据的《\(title)》对得上 sources.md 里的几项(\(matching.joined(separator: "、"))):选一个写进 legal_basis"
                        ))
                }
            }
        }
    }

    /// A title without spaces and with one kind of parentheses, for matching a citation to sources.md.
    static func comparable(_ text: String) -> String {
        NoticeGrammar.halfWidth(text).filter { !$0.isWhitespace }
    }
}
