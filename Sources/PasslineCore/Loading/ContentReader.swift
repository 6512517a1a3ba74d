import Foundation
import Markdown
import Yams

/// Turns parsed content files into model values, one reader per kind of file.
struct ContentReader {
    let log: DiagnosticLog
    private var exams: [Exam] = []
    private var sessions: [Session] = []
    private(set) var notices: [Notice] = []
    private var areas: [Area] = []
    private var qualifications: [QualificationList] = []
    private var faq: [FAQEntry] = []
    private var sources: [Source] = []
    private var messages: [String: String] = [:]
    private(set) var locations = ContentLocations()
    private var templates: [ContentTemplate] = []

    init(log: DiagnosticLog) { self.log = log }

    func finish() -> LoadedContent {
        let book = RuleBook(
            schemaVersion: RuleBook.currentSchemaVersion,
            exams: exams.sorted { $0.id < $1.id },
            sessions: sessions.sorted { ($0.exam, $0.id) < ($1.exam, $1.id) },
            notices: notices.map { $0.withSourceURL(from: sources) }.sorted { ($0.date, $0.id) > ($1.date, $1.id) },
            areas: areas.sorted { $0.id < $1.id },
            qualifications: qualifications,
            faq: faq.sorted { ($0.order, $0.id) < ($1.order, $1.id) },
            sources: sources.sorted { $0.id < $1.id },
            messages: messages,
            facts: [:]
        )
        return LoadedContent(book: book, locations: locations, templates: templates, sourceReferences: refs)
    }

    /// Records the place of a value that must be unique (an id, a clause) and reports a second one.
    private mutating func register(_ key: ContentKey, at location: SourceLocation) {
        if let first = locations[key] {
            log.error(location.path, (location.line, location.column), key.duplicateMessage(first: first))
        } else {
            locations[key] = location
        }
    }

    /// Records a value's place (a later one for the same key replaces it).
    private mutating func place(_ key: ContentKey, _ location: SourceLocation) {
        locations[key] = location
    }

    /// Makes room for what `adopt` will add, so the tables grow once rather than by doubling.
    mutating func reserve(places: Int, notices count: Int) {
        locations.reserveCapacity(locations.count + places)
        notices.reserveCapacity(notices.count + count)
    }

    /// Takes over what another reader read (a notice file read on another thread, `NoticeFiles`) as if
    /// this reader had read it: its notices and source references follow this reader's, and its places
    /// join these, a unique value already read here being reported as a second one.
    mutating func adopt(_ read: ReadNotice) {
        for (location, message) in locations.merge(read.locations) {
            log.error(location.path, (location.line, location.column), message)
        }
        notices += read.notices
        refs += read.refs
    }

    /// An id as a `ContentID`: the build turns it into a file name, an anchor or a URL part.
    private func identifier(_ id: String?, _ fields: Fields, key: String = "id", example: String) -> String? {
        guard let id else { return nil }
        if let problem = ContentID.problem(with: id) {
            log.error(
                fields.path, Fields.location(of: fields.valueNode(of: key)),
                "'\(key)' 是 '\(id.debugDescription.dropFirst().dropLast().shown)',\(problem):id 只能用小写字母、数字和 '-',如 \(example)")
            return nil
        }
        return id
    }

    /// A page address (`url`, `source_url`, a website's `url`): a full https:// or http:// address.
    private func address(_ key: String, _ fields: inout Fields, required: Bool = true) -> String? {
        guard let url = fields.string(key, required: required) else { return nil }
        if let problem = LinkPolicy.problem(address: url) {
            log.error(fields.path, Fields.location(of: fields.valueNode(of: key)), problem)
            return nil
        }
        return url
    }

    /// A level key of a map (`senior:`), or an error suggesting the level it was probably meant to be.
    private func level(_ key: String, at keyNode: Node, in file: ContentFile) -> Level? {
        if let level = Level(rawValue: key) { return level }
        let hint = Suggest.closest(to: key, in: Level.allCases.map(\.rawValue)).map { "(是不是 '\($0)'?)" } ?? ""
        log.error(file.path, Fields.location(of: keyNode), "不认识的级别 '\(key.shown)'\(hint):级别只有 junior(初级)、intermediate(中级)、senior(高级)")
        return nil
    }

    // MARK: sources.md

    mutating func readSources(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        for node in fields.list("sources") {
            guard var entry = Fields(node, path: file.path, log: log, what: "sources 的每一项") else { continue }
            let id = identifier(entry.string("id"), entry, example: "hrss-2022-25")
            let title = entry.string("title")
            let url = address("url", &entry)
            let confidence = entry.string("confidence")
            let note = entry.string("note", required: false)
            let name = entry.string("name", required: false)
            entry.finish()
            let level = confidence.flatMap(Source.Confidence.init(rawValue:))
            if confidence != nil && level == nil {
                log.error(file.path, Fields.location(of: node["confidence"]), "'confidence' 只能是 strong、medium 或 weak")
            }
            guard let id, let title, let url, let level else { continue }
            register(.source(id), at: entry.sourceLocation(node["id"]))
            sources.append(Source(id: id, title: title, url: url, confidence: level, note: note, name: name))
        }
        fields.finish()
    }

    // MARK: messages.md

    mutating func readMessages(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        if var map = fields.mapping("messages") {
            for (key, _, value) in map.entries {
                map.markUsed([key])
                guard case .scalar = value else {
                    log.error(file.path, Fields.location(of: value), "句子 '\(key)' 要写文字")
                    continue
                }
                guard let text = Fields.text(value, named: "messages.\(key)", path: file.path, log: log) else { continue }
                messages[key] = text
                locations[.message(key)] = map.sourceLocation(value)
            }
        }
        fields.finish()
    }

    // MARK: exams/*.md

    mutating func readExam(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        let id = identifier(fields.string("id"), fields, example: "ruankao")
        let name = fields.string("name")
        let shortName = fields.string("short_name")
        let noticeName = fields.string("notice_name")
        let aliases = fields.strings("aliases").map(\.0)
        let formText = fields.string("session_form")
        let form = formText.flatMap(SessionForm.init(rawValue:))
        if formText != nil && form == nil {
            log.error(file.path, Fields.location(of: fields.node["session_form"]), "'session_form' 只能是 half-year(每年两次)或 year(每年一次)")
        }
        let full = fields.number("full_marks", in: ContentRanges.marks)
        let pass = fields.number("pass_mark", in: ContentRanges.marks)
        let sources = fields.strings("standard_sources")
        let fullMarksSources = fields.strings("full_marks_sources", required: false)
        var levels: [LevelStandard] = []
        if var levelFields = fields.mapping("levels") {
            for (key, keyNode, value) in levelFields.entries {
                levelFields.markUsed([key])
                guard let level = level(key, at: keyNode, in: file) else { continue }
                guard var entry = Fields(value, path: file.path, log: log, what: "级别 '\(key)'") else { continue }
                let levelName = entry.string("name")
                let subjects = entry.strings("subjects", required: true).map(\.0)
                entry.finish()
                if subjects.isEmpty { log.error(file.path, Fields.location(of: value), "级别 '\(key)' 至少要有一个科目:在 'subjects' 里列出") }
                if let levelName { levels.append(LevelStandard(level: level, name: levelName, subjects: subjects)) }
            }
            levelFields.finish()
        }
        var website: Website?
        var websiteSources: [(String, SourceLocation)] = []
        if var site = fields.mapping("website", required: false) {
            let siteName = site.string("name"), url = address("url", &site)
            websiteSources = site.strings("sources")
            site.finish()
            if let siteName, let url { website = Website(name: siteName, url: url) }
        }
        fields.finish()
        guard let id, let name, let shortName, let noticeName, let form, let full, let pass else { return }
        register(.exam(id), at: fields.sourceLocation(fields.node["id"]))
        locations[.examPassMark(exam: id)] = fields.sourceLocation(pass.node)
        locations[.examFullMarks(exam: id)] = fields.sourceLocation(full.node)
        refs += sources + websiteSources + fullMarksSources
        templates.append(ContentTemplate(owner: .exam(id), file: file))
        exams.append(
            Exam(
                id: id, name: name, shortName: shortName, noticeName: noticeName, aliases: aliases, sessionForm: form,
                fullMarks: full.value, passMark: pass.value, levels: levels.sorted { $0.level < $1.level }, website: website,
                sources: (sources + websiteSources).map(\.0), notes: file.body,
                fullMarksSources: fullMarksSources.isEmpty ? nil : fullMarksSources.map(\.0)))
    }

    /// Every source id mentioned anywhere, with its place, checked against sources.md later.
    private(set) var refs: [(String, SourceLocation)] = []

    // MARK: sessions/*.md

    mutating func readSession(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        let exam = fields.string("exam")
        let id = fields.string("session")
        let label = fields.string("label")
        let sourceRefs = fields.strings("sources")
        var thresholds: [LevelThreshold] = []
        if var map = fields.mapping("thresholds") {
            for (key, keyNode, value) in map.entries {
                map.markUsed([key])
                guard let level = level(key, at: keyNode, in: file) else { continue }
                guard let score = Fields.number(value, named: "thresholds.\(key)", in: ContentRanges.marks, path: file.path, log: log)
                else { continue }
                thresholds.append(LevelThreshold(level: level, score: score))
                if let exam, let id { locations[.threshold(exam: exam, session: id, level: level)] = fields.sourceLocation(value) }
            }
            map.finish()
        }
        fields.finish()
        guard let exam, let id, let label else { return }
        register(.session(exam: exam, id: id), at: fields.sourceLocation(fields.node["session"]))
        locations[.sessionExam(exam: exam, id: id)] = fields.sourceLocation(fields.node["exam"])
        refs += sourceRefs
        sessions.append(
            Session(exam: exam, id: id, label: label, thresholds: thresholds.sorted { $0.level < $1.level }, sources: sourceRefs.map(\.0)))
    }

    // MARK: notices/*.md

    mutating func readNotice(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        let id = identifier(fields.string("id"), fields, example: "2025-01-15(通知的签发日期)")
        let kindText = fields.string("kind")
        let kind = kindText.flatMap(NoticeKind.init(rawValue:))
        if kindText != nil && kind == nil {
            log.error(file.path, Fields.location(of: fields.valueNode(of: "kind")), "'kind' 只能是 full(通知原文)或 summary(摘要)")
        }
        let title = fields.string("title")
        let issuer = fields.string("issuer")
        let date = fields.string("date")
        if let date, Instant.parseDay(date) == nil {
            log.error(
                file.path, Fields.location(of: fields.valueNode(of: "date")),
                DateProblem.message(key: "date", value: date, withTime: false, form: "写成签发日期,如 2025-01-15"))
        }
        let addressee = fields.string("addressee", required: false)
        let sourceKind = fields.string("source_kind", required: false)
        if let sourceKind, !["repost", "official"].contains(sourceKind) {
            log.error(
                file.path, Fields.location(of: fields.node["source_kind"]),
                "'source_kind' 只能是 repost(source_url 是一份转载)或 official(source_url 是官方发布页面)")
        }
        // A summary's address is that of its first source (sources.md), so it need not repeat it.
        let sourceURL = address("source_url", &fields, required: kind != .summary)
        let noticeSources = fields.strings("sources")
        let hotline = fields.string("hotline")
        let entry = fields.string("entry")
        let legal = fields.strings("legal_basis")
        var roles: [String: String] = [:]
        if var map = fields.mapping("roles", required: false) {
            for (key, _, value) in map.entries {
                map.markUsed([key])
                if let clause = Fields.text(value, named: "roles.\(key)", path: file.path, log: log) { roles[key] = clause }
                if let id { place(.noticeRole(notice: id, role: key), map.sourceLocation(value)) }
            }
        }
        let application = readWindow(&fields, .application, notice: id, required: true)
        let review = readWindow(&fields, .review, notice: id, required: false)
        var covers: [Coverage] = []
        for node in fields.list("covers") {
            guard var cover = Fields(node, path: file.path, log: log, what: "'covers' 的每一项") else { continue }
            let exam = cover.string("exam"), session = cover.string("session"), clause = cover.string("clause", required: false)
            cover.finish()
            guard let exam, let session else { continue }
            covers.append(Coverage(exam: exam, session: session, clause: clause))
            if let id { register(.noticeCover(notice: id, exam: exam, session: session), at: cover.sourceLocation(node)) }
        }
        fields.finish()
        guard let id, let kind, let title, let issuer, let date, let hotline, let entry, let application else { return }
        register(.notice(id), at: fields.sourceLocation(fields.valueNode(of: "id")))
        place(.noticeHotline(id), fields.sourceLocation(fields.valueNode(of: "hotline")))
        place(.noticeBody(id), SourceLocation(path: file.path, line: file.bodyLine))
        refs += legal
        let document = MarkdownDocument(parsing: file.body)
        BodyCheck.run(file, document: document, log: log)
        var clauses: [Clause] = []
        // A summary's paragraphs are ours, not the notice's: they get no clause numbers to cite.
        let parsed = kind == .full ? ClauseParser.parse(document) : (found: [], problems: [])
        for problem in parsed.problems {
            log.error(
                file.path, (problem.line + file.bodyStartLine - 1, 1),
                "这一段以条款编号 '\(problem.number.shown)' 开头,但它大于 \(ClauseParser.highest)、无法计数:检查这一段的开头(条款编号如 三、 或 (一))")
        }
        for found in parsed.found {
            let location = SourceLocation(path: file.path, line: found.line + file.bodyStartLine - 1)
            register(.noticeClause(notice: id, clause: found.clause.id), at: location)
            clauses.append(found.clause)
        }
        if let node = fields.valueNode(of: "sources") { place(.noticeSources(id), fields.sourceLocation(node)) }
        refs += noticeSources
        notices.append(
            Notice(
                id: id, kind: kind, title: title, issuer: issuer, date: date, addressee: addressee, sourceURL: sourceURL ?? "",
                application: application, review: review, hotline: hotline, entry: entry, legalBasis: legal.map(\.0),
                covers: covers, roles: roles, body: file.body, clauses: clauses, sources: noticeSources.map(\.0),
                sourceIsRepost: sourceKind == "repost" ? true : nil))
    }

    private mutating func readWindow(_ fields: inout Fields, _ name: ContentKey.WindowName, notice: String?, required: Bool) -> Window? {
        guard var window = fields.mapping(name.rawValue, required: required) else { return nil }
        let start = window.date("start"), end = window.date("end")
        let clause = window.string("clause", required: false)
        window.finish()
        guard let start, let end else { return nil }
        if let notice {
            place(.noticeWindow(notice: notice, window: name, field: .start), start.1)
            place(.noticeWindow(notice: notice, window: name, field: .end), end.1)
            if clause != nil {
                place(.noticeWindow(notice: notice, window: name, field: .clause), window.sourceLocation(window.valueNode(of: "clause")))
            }
        }
        return Window(start: start.0, end: end.0, clause: clause)
    }

    // MARK: areas/*.md

    mutating func readArea(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        let id = identifier(fields.string("id"), fields, example: "xinjiang")
        let region = fields.string("region")
        let scopeText = fields.string("scope")
        let scope = scopeText.flatMap(Area.Scope.init(rawValue:))
        if scopeText != nil && scope == nil {
            log.error(file.path, Fields.location(of: fields.node["scope"]), "'scope' 只能是 whole(全区)或 part(部分地方)")
        }
        let basis = fields.string("basis")
        let places = fields.strings("places").map(\.0)
        let complete = fields.bool("complete", default: true)
        let sourceRefs = fields.strings("sources")
        fields.finish()
        guard let id, let region, let scope, let basis else { return }
        if scope == .part && places.isEmpty && complete {
            log.error(file.path, fields.location, "地区 '\(id)' 是部分划线('scope: part'),却没有列出地名:在 'places' 里列出,或写 'complete: false'")
        }
        register(.area(id), at: fields.sourceLocation(fields.node["id"]))
        refs += sourceRefs
        templates.append(ContentTemplate(owner: .area(id), file: file))
        areas.append(
            Area(
                id: id, region: region, scope: scope, basis: basis, places: places, complete: complete, sources: sourceRefs.map(\.0),
                notes: file.body))
    }

    // MARK: qualifications.md

    mutating func readQualifications(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        let exam = fields.string("exam")
        let sourceRefs = fields.strings("sources")
        var groups: [QualificationList.Group] = []
        if var map = fields.mapping("levels") {
            for (key, keyNode, value) in map.entries {
                map.markUsed([key])
                guard let level = level(key, at: keyNode, in: file) else { continue }
                guard case let .sequence(names) = value else {
                    log.error(file.path, Fields.location(of: value), "级别 '\(key)' 要列出资格名称,如 [程序员]")
                    continue
                }
                var valid: [String] = []
                for name in names {
                    guard let text = Fields.text(name, named: "levels.\(key)", path: file.path, log: log) else { continue }
                    register(.qualification(text), at: fields.sourceLocation(name))
                    valid.append(text)
                }
                groups.append(.init(level: level, names: valid))
            }
            map.finish()
        }
        fields.finish()
        guard let exam else { return }
        locations[.qualificationsExam] = fields.sourceLocation(fields.node["exam"])
        refs += sourceRefs
        qualifications.append(QualificationList(exam: exam, groups: groups.sorted { $0.level < $1.level }, sources: sourceRefs.map(\.0)))
    }

    // MARK: faq/*.md

    mutating func readFAQ(_ file: ContentFile) {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "文件头") else { return }
        let id = identifier(fields.string("id"), fields, example: "application-window")
        let question = fields.string("question")
        let phrasings = fields.strings("phrasings").map(\.0)
        let keywords = fields.strings("keywords").map(\.0)
        let cites = fields.strings("cites")
        let order = fields.number("order", required: false, in: ContentRanges.order, whole: true)
        let topic = fields.string("topic", required: false)
        fields.finish()
        guard let id, let question else { return }
        register(.faq(id), at: fields.sourceLocation(fields.node["id"]))
        if topic != nil { place(.faqTopic(id), fields.sourceLocation(fields.valueNode(of: "topic"))) }
        for (cite, location) in cites { locations[.faqCite(faq: id, cite: cite)] = location }
        if file.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            log.error(file.path, (file.bodyLine, 1), "FAQ '\(id)' 没有答案:在文件头下面(第二个 '---' 之后)写答案")
        }
        for problem in WindowText.problems(file.body) {
            log.error(file.path, (file.bodyStartLine + problem.line - 1, 1), problem.message)
        }
        templates.append(ContentTemplate(owner: .faq(id), file: file))
        faq.append(
            FAQEntry(
                id: id, question: question, phrasings: phrasings, keywords: keywords, cites: cites.map(\.0),
                order: Int(order?.value ?? 1000), answer: file.body, topic: topic))
    }
}
