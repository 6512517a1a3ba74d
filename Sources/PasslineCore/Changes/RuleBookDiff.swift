import Foundation

/// What changes for candidates between two versions of the content, in plain Chinese.
///
/// Editors are not programmers: before publishing they need to read "2024年下半年 软考 高级 单独划线:
/// 40 → 41", not a text diff of YAML. The comparison works on validated `RuleBook`s, so it speaks in
/// the content's own terms (sessions, levels, windows, questions) and ignores what only moves bytes
/// (file order, comments, formatting). A pure function: `passline diff` loads both books and prints.
public struct RuleBookDiff: Sendable {
    public let changes: [RuleBookChange]

    public init(from old: RuleBook, to new: RuleBook) {
        var builder = Builder(old: old, new: new)
        builder.compareNotices()
        builder.compareSessions()
        builder.compareExams()
        builder.compareAreas()
        builder.compareQualifications()
        builder.compareFAQ()
        builder.compareSources()
        builder.compareMessages()
        changes = builder.changes
    }

    public var isEmpty: Bool { changes.isEmpty }
    /// One line per change, in report order.
    public var lines: [String] { changes.map(\.line) }
    /// The report as `passline diff` prints it.
    public var report: String { lines.joined(separator: "\n") }
}

/// Accumulates changes subject by subject; names things the way the notice does.
private struct Builder {
    let old: RuleBook
    let new: RuleBook
    var changes: [RuleBookChange] = []

    mutating func add(
        _ subject: RuleBookChange.Subject, _ kind: RuleBookChange.Kind, _ key: String, _ before: String? = nil, _ after: String? = nil,
        _ line: String
    ) {
        changes.append(RuleBookChange(subject: subject, kind: kind, key: key, before: before, after: after, line: line))
    }

    /// Reports `label: before → after` when the two differ.
    mutating func value(_ subject: RuleBookChange.Subject, _ key: String, _ label: String, _ before: String?, _ after: String?) {
        guard before != after else { return }
        switch (before, after) {
        case let (b?, a?): add(subject, .changed, key, b, a, "\(label): \(b) → \(a)")
        case let (nil, a?): add(subject, .added, key, nil, a, "\(label): 新增 \(a)")
        case let (b?, nil): add(subject, .removed, key, b, nil, "\(label): 删除(原为 \(b))")
        default: break
        }
    }

    // MARK: naming

    func book(_ preferNew: Bool) -> RuleBook { preferNew ? new : old }

    /// `2025年1月15日通知`: the notice as readers know it, by its date and its own word for itself.
    static func name(_ notice: Notice) -> String { day(notice) + word(notice) }
    static func day(_ notice: Notice) -> String {
        Instant.parseDay(notice.date).map { Instant.chinese($0, withTime: false) } ?? notice.date
    }
    static func word(_ notice: Notice) -> String { notice.title.hasSuffix("通告") ? "通告" : "通知" }

    /// `2024年下半年 软考`, from whichever book knows the session.
    func sessionName(exam: String, session: String) -> String {
        let shortName = (new.exam(exam) ?? old.exam(exam))?.shortName ?? exam
        let label = (new.session(exam: exam, id: session) ?? old.session(exam: exam, id: session))?.label ?? session
        return "\(label) \(shortName)"
    }

    func levelName(exam: String, level: Level) -> String {
        (new.exam(exam) ?? old.exam(exam))?.standard(for: level)?.name ?? new.messages["level.\(level.rawValue)"] ?? level.rawValue
    }

    /// Two instants as the notice writes them, leaving out the year when both share it.
    static func moments(_ before: Date, _ after: Date) -> (String, String) {
        let b = Instant.chinese(before), a = Instant.chinese(after)
        guard b.prefix(5) == a.prefix(5) else { return (b, a) }
        return (String(b.dropFirst(5)), String(a.dropFirst(5)))
    }

    static func clauseName(_ id: String) -> String {
        switch id {
        case "序": "开头一段"
        case "结语": "结束语"
        default: "第\(id)条"
        }
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "无" : items.joined(separator: "、") }

    /// A change of resolved text that only follows a change of facts (`{{application.end}}`) is
    /// already reported as that fact's change. Each place `before` shows a changed fact's old value may
    /// show either value in `after` (a "60" that is not the fact stays 60); everything else must match.
    func followsFacts(_ before: String, _ after: String) -> Bool {
        var replacements: [String: Set<String>] = [:]
        for (key, value) in old.facts {
            if let changed = new.facts[key], changed != value, !value.isEmpty { replacements[value, default: [value]].insert(changed) }
        }
        guard !replacements.isEmpty else { return false }
        let values = replacements.keys.sorted { ($0.count, $0) > ($1.count, $1) }
        var pattern = "^"
        var rest = Substring(before)
        while !rest.isEmpty {
            if let value = values.first(where: { rest.hasPrefix($0) }) {
                let options = replacements[value]!.sorted { $0.count > $1.count }.map(NSRegularExpression.escapedPattern(for:))
                pattern += "(?:" + options.joined(separator: "|") + ")"
                rest = rest.dropFirst(value.count)
            } else {
                pattern += NSRegularExpression.escapedPattern(for: String(rest.first!))
                rest = rest.dropFirst()
            }
        }
        guard let regex = try? NSRegularExpression(pattern: pattern + "$") else { return false }
        return regex.firstMatch(in: after, range: NSRange(after.startIndex..., in: after)) != nil
    }

    // MARK: notices

    mutating func compareNotices() {
        for notice in new.notices {
            let name = Self.name(notice)
            guard let before = old.notice(notice.id) else {
                let covered = notice.covers.map { sessionName(exam: $0.exam, session: $0.session).replacingOccurrences(of: " ", with: "") }
                add(
                    .notice, .added, "notice:\(notice.id)", nil, notice.title,
                    "新增\(Self.word(notice)): \(Self.day(notice))《\(notice.title)》,申请时间\(Instant.chinese(notice.application.start))至\(Instant.chinese(notice.application.end)),涵盖\(Self.list(covered))"
                )
                continue
            }
            compare(before, notice, name: name)
        }
        for notice in old.notices where new.notice(notice.id) == nil {
            add(.notice, .removed, "notice:\(notice.id)", notice.title, nil, "删除\(Self.word(notice)): \(Self.day(notice))《\(notice.title)》")
        }
    }

    private mutating func compare(_ before: Notice, _ after: Notice, name: String) {
        let key = "notice:\(after.id)"
        if before.kind != after.kind {
            add(
                .notice, .changed, "\(key):kind", before.kind.rawValue, after.kind.rawValue,
                after.kind == .full ? "\(name) 由摘要改为原文" : "\(name) 由原文改为摘要")
        }
        value(.notice, "\(key):title", "\(name) 标题", before.title, after.title)
        value(.notice, "\(key):issuer", "\(name) 发文单位", before.issuer, after.issuer)
        value(.notice, "\(key):addressee", "\(name) 主送单位", before.addressee, after.addressee)
        value(.notice, "\(key):source", "\(name) 来源网址", before.sourceURL, after.sourceURL)
        window(key: "\(key):application", name: name, words: ("申请开始", "申请截止"), before.application, after.application)
        switch (before.review, after.review) {
        case let (b?, a?): window(key: "\(key):review", name: name, words: ("审核开始", "审核截止"), b, a)
        case let (nil, a?):
            add(
                .notice, .added, "\(key):review", nil, Instant.chinese(a.start),
                "\(name) 新增审核时间: \(Instant.chinese(a.start))至\(Instant.chinese(a.end))")
        case (_?, nil): add(.notice, .removed, "\(key):review", nil, nil, "\(name) 删除审核时间")
        default: break
        }
        value(.notice, "\(key):hotline", "\(name) 咨询电话", before.hotline, after.hotline)
        value(.notice, "\(key):entry", "\(name) 申领入口", before.entry, after.entry)
        let (newBook, oldBook) = (new, old)
        let titles = { (ids: [String]) in ids.map { id in (newBook.source(id) ?? oldBook.source(id))?.title ?? id } }
        value(
            .notice, "\(key):legal_basis", "\(name) 依据文件",
            before.legalBasis == after.legalBasis ? nil : Self.list(titles(before.legalBasis)),
            before.legalBasis == after.legalBasis ? nil : Self.list(titles(after.legalBasis)))
        for cover in after.covers {
            let session = sessionName(exam: cover.exam, session: cover.session)
            guard let previous = before.covers(exam: cover.exam, session: cover.session) else {
                add(.notice, .added, "\(key):covers:\(cover.exam)/\(cover.session)", nil, session, "\(name) 新增涵盖: \(session)")
                continue
            }
            value(
                .notice, "\(key):covers:\(cover.exam)/\(cover.session):clause", "\(name) \(session) 分数线所在条款", previous.clause, cover.clause)
        }
        for cover in before.covers where after.covers(exam: cover.exam, session: cover.session) == nil {
            let session = sessionName(exam: cover.exam, session: cover.session)
            add(.notice, .removed, "\(key):covers:\(cover.exam)/\(cover.session)", session, nil, "\(name) 不再涵盖: \(session)")
        }
        for role in Set(before.roles.keys).union(after.roles.keys).sorted() {
            value(.notice, "\(key):role:\(role)", "\(name) 引用条款(\(role))", before.roles[role], after.roles[role])
        }
        guard before.kind == after.kind else { return }
        if after.kind == .summary {
            if before.body != after.body { add(.notice, .changed, "\(key):body", nil, nil, "\(name) 摘要有改动") }
            return
        }
        for clause in after.clauses {
            guard let previous = before.clause(clause.id) else {
                add(.notice, .added, "\(key):clause:\(clause.id)", nil, clause.text, "\(name) 新增\(Self.clauseName(clause.id))")
                continue
            }
            if previous.text != clause.text {
                add(
                    .notice, .changed, "\(key):clause:\(clause.id)", previous.text, clause.text,
                    "\(name) \(Self.clauseName(clause.id))文字有改动")
            }
        }
        for clause in before.clauses where after.clause(clause.id) == nil {
            add(.notice, .removed, "\(key):clause:\(clause.id)", clause.text, nil, "\(name) 删除\(Self.clauseName(clause.id))")
        }
    }

    private mutating func window(key: String, name: String, words: (String, String), _ before: Window, _ after: Window) {
        if before.start != after.start {
            let (b, a) = Self.moments(before.start, after.start)
            add(
                .notice, .changed, "\(key).start", Instant.chinese(before.start), Instant.chinese(after.start),
                "\(name) \(words.0): \(b) → \(a)")
        }
        if before.end != after.end {
            let (b, a) = Self.moments(before.end, after.end)
            add(.notice, .changed, "\(key).end", Instant.chinese(before.end), Instant.chinese(after.end), "\(name) \(words.1): \(b) → \(a)")
        }
    }

    // MARK: sessions

    mutating func compareSessions() {
        for session in new.sessions {
            let name = sessionName(exam: session.exam, session: session.id)
            let key = "session:\(session.key)"
            guard let before = old.session(exam: session.exam, id: session.id) else {
                let marks = session.thresholds.map { "\(levelName(exam: session.exam, level: $0.level)) \(Score.text($0.score))" }
                add(.session, .added, key, nil, session.label, "新增场次: \(name)(单独划线 \(Self.list(marks)))")
                continue
            }
            value(.session, "\(key):label", "\(session.exam) \(session.id) 名称", before.label, session.label)
            for level in Level.allCases {
                value(
                    .session, "threshold:\(session.key)/\(level.rawValue)", "\(name) \(levelName(exam: session.exam, level: level)) 单独划线",
                    before.threshold(for: level).map(Score.text), session.threshold(for: level).map(Score.text))
            }
        }
        for session in old.sessions where new.session(exam: session.exam, id: session.id) == nil {
            add(
                .session, .removed, "session:\(session.key)", session.label, nil,
                "删除场次: \(sessionName(exam: session.exam, session: session.id))")
        }
    }

    // MARK: exams

    mutating func compareExams() {
        for exam in new.exams {
            let key = "exam:\(exam.id)"
            guard let before = old.exam(exam.id) else {
                add(.exam, .added, key, nil, exam.name, "新增考试: \(exam.shortName)(\(exam.name))")
                continue
            }
            let name = exam.shortName
            value(.exam, "\(key):name", "\(name) 全称", before.name, exam.name)
            value(.exam, "\(key):short_name", "\(before.shortName) 简称", before.shortName, exam.shortName)
            value(.exam, "\(key):notice_name", "\(name) 通知中的名称", before.noticeName, exam.noticeName)
            value(.exam, "\(key):pass_mark", "\(name) 全国合格标准", Score.text(before.passMark), Score.text(exam.passMark))
            value(.exam, "\(key):full_marks", "\(name) 每科满分", Score.text(before.fullMarks), Score.text(exam.fullMarks))
            for level in Level.allCases {
                let b = before.standard(for: level), a = exam.standard(for: level)
                let levelKey = "\(key):level:\(level.rawValue)"
                switch (b, a) {
                case let (nil, a?): add(.exam, .added, levelKey, nil, a.name, "\(name) 新增级别: \(a.name)(\(Self.list(a.subjects)))")
                case let (b?, nil): add(.exam, .removed, levelKey, b.name, nil, "\(name) 删除级别: \(b.name)")
                case let (b?, a?):
                    value(.exam, "\(levelKey):name", "\(name) \(b.name) 级别名称", b.name, a.name)
                    value(.exam, "\(levelKey):subjects", "\(name) \(a.name) 科目", Self.list(b.subjects), Self.list(a.subjects))
                default: break
                }
            }
            let site = { (w: Website?) in w.map { "\($0.name) \($0.url)" } }
            value(.exam, "\(key):website", "\(name) 官方网站", site(before.website), site(exam.website))
            if before.notes != exam.notes && !followsFacts(before.notes, exam.notes) {
                add(.exam, .changed, "\(key):notes", nil, nil, "\(name) 说明有改动")
            }
        }
        for exam in old.exams where new.exam(exam.id) == nil {
            add(.exam, .removed, "exam:\(exam.id)", exam.name, nil, "删除考试: \(exam.shortName)(\(exam.name))")
        }
    }

    // MARK: areas

    static func scopeWord(_ scope: Area.Scope) -> String { scope == .whole ? "全境" : "部分地区" }

    mutating func compareAreas() {
        for area in new.areas {
            let key = "area:\(area.id)"
            guard let before = old.areas.first(where: { $0.id == area.id }) else {
                let places = area.places.isEmpty ? "" : ":" + Self.list(area.places)
                add(.area, .added, key, nil, area.region, "新增单独划线地区: \(area.region)(\(Self.scopeWord(area.scope))\(places))")
                continue
            }
            let name = area.region
            value(.area, "\(key):region", "\(before.region) 名称", before.region, area.region)
            value(.area, "\(key):scope", "\(name) 范围", Self.scopeWord(before.scope), Self.scopeWord(area.scope))
            value(.area, "\(key):basis", "\(name) 划线类别", before.basis, area.basis)
            let added = area.places.filter { !before.places.contains($0) }
            let removed = before.places.filter { !area.places.contains($0) }
            if !added.isEmpty { add(.area, .added, "\(key):places", nil, Self.list(added), "\(name) 新增地点: \(Self.list(added))") }
            if !removed.isEmpty { add(.area, .removed, "\(key):places", Self.list(removed), nil, "\(name) 删除地点: \(Self.list(removed))") }
            let completeness = { (complete: Bool) in complete ? "完整" : "不完整" }
            value(.area, "\(key):complete", "\(name) 地点名单", completeness(before.complete), completeness(area.complete))
            if before.notes != area.notes && !followsFacts(before.notes, area.notes) {
                add(.area, .changed, "\(key):notes", nil, nil, "\(name) 说明有改动")
            }
        }
        for area in old.areas where !new.areas.contains(where: { $0.id == area.id }) {
            add(.area, .removed, "area:\(area.id)", area.region, nil, "删除单独划线地区: \(area.region)")
        }
    }

    // MARK: qualifications

    mutating func compareQualifications() {
        func levels(_ book: RuleBook) -> [String: [String: Level]] {
            var map: [String: [String: Level]] = [:]
            for list in book.qualifications {
                for group in list.groups { for name in group.names { map[list.exam, default: [:]][name] = group.level } }
            }
            return map
        }
        let before = levels(old), after = levels(new)
        for exam in Set(before.keys).union(after.keys).sorted() {
            let shortName = (new.exam(exam) ?? old.exam(exam))?.shortName ?? exam
            let b = before[exam] ?? [:], a = after[exam] ?? [:]
            for name in Set(b.keys).union(a.keys).sorted() {
                let key = "qualification:\(exam):\(name)"
                switch (b[name], a[name]) {
                case let (nil, level?):
                    add(
                        .qualification, .added, key, nil, level.rawValue,
                        "\(shortName) 新增资格: \(name)(\(levelName(exam: exam, level: level)))")
                case let (level?, nil):
                    add(
                        .qualification, .removed, key, level.rawValue, nil,
                        "\(shortName) 删除资格: \(name)(\(levelName(exam: exam, level: level)))")
                case let (x?, y?) where x != y:
                    value(.qualification, key, "\(shortName) \(name) 级别", levelName(exam: exam, level: x), levelName(exam: exam, level: y))
                default: break
                }
            }
        }
    }

    // MARK: FAQ

    mutating func compareFAQ() {
        for entry in new.faq {
            let key = "faq:\(entry.id)"
            guard let before = old.faq.first(where: { $0.id == entry.id }) else {
                add(.faq, .added, key, nil, entry.question, "新增问答: \(entry.question)")
                continue
            }
            value(.faq, "\(key):question", "问答“\(before.question)”的问题", before.question, entry.question)
            let name = "问答“\(entry.question)”"
            if before.answer != entry.answer && !followsFacts(before.answer, entry.answer) {
                add(.faq, .changed, "\(key):answer", nil, nil, "\(name)的答案有改动")
            }
            if before.cites != entry.cites { value(.faq, "\(key):cites", "\(name)的依据", Self.list(before.cites), Self.list(entry.cites)) }
            if before.phrasings != entry.phrasings || before.keywords != entry.keywords {
                add(.faq, .changed, "\(key):phrasings", nil, nil, "\(name)的其他问法或关键词有改动")
            }
        }
        for entry in old.faq where !new.faq.contains(where: { $0.id == entry.id }) {
            add(.faq, .removed, "faq:\(entry.id)", entry.question, nil, "删除问答: \(entry.question)")
        }
    }

    // MARK: sources

    mutating func compareSources() {
        for source in new.sources {
            let key = "source:\(source.id)"
            guard let before = old.source(source.id) else {
                add(.source, .added, key, nil, source.title, "新增资料来源: \(source.title)")
                continue
            }
            value(.source, "\(key):title", "资料来源“\(before.title)”的标题", before.title, source.title)
            value(.source, "\(key):url", "资料来源“\(source.title)”的网址", before.url, source.url)
            value(.source, "\(key):confidence", "资料来源“\(source.title)”的可信度", before.confidence.rawValue, source.confidence.rawValue)
        }
        for source in old.sources where new.source(source.id) == nil {
            add(.source, .removed, "source:\(source.id)", source.title, nil, "删除资料来源: \(source.title)")
        }
    }

    // MARK: messages

    mutating func compareMessages() {
        for key in Set(old.messages.keys).union(new.messages.keys).sorted() {
            value(.message, "message:\(key)", "计算器用语 \(key)", old.messages[key], new.messages[key])
        }
        if old.inquiry != new.inquiry {
            add(.message, .changed, "inquiry", nil, nil, "咨询机器人的用语或词表有改动")
        }
    }
}
