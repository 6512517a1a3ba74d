import Foundation
import Markdown
import Yams

/// Content as read from disk, before cross-file validation: the model plus where each value was.
public struct LoadedContent: Sendable {
    public var book: RuleBook
    /// Where values came from, by what they are; used to point errors at lines.
    var locations: ContentLocations
    /// FAQ answers and notes as written, with their fact references unresolved and their body line.
    var templates: [ContentTemplate]
    /// Source ids named in front matter, with their places, checked against sources.md.
    var sourceReferences: [(String, SourceLocation)]
    /// The content directory as diagnostics name it, for problems of the folder itself.
    var root = "Content"
}

/// Reads `Content/` into a `RuleBook`, reporting every problem at once.
///
/// Loading never prints and never exits: it returns the book, or `ContentErrors` listing each problem
/// as `path:line:column`. Warnings (which do not stop a build) come back beside the book.
public struct ContentLoader {
    public let root: URL
    /// How paths appear in diagnostics (the directory as the editor named it).
    public let displayRoot: String
    /// The instant time-dependent checks use (a current notice whose window has passed is a warning).
    public let now: Date

    public init(directory: String, now: Date = Date()) {
        root = URL(fileURLWithPath: directory, isDirectory: true)
        displayRoot = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        self.now = now
    }

    /// Loads and validates. Returns the book and any warnings, or throws `ContentErrors`.
    public func load() throws -> (book: RuleBook, warnings: [Diagnostic]) {
        let (book, warnings, _) = try loadWithFiles()
        return (book, warnings)
    }

    /// `load()`, with the file and line each FAQ entry, session, area and notice was read from
    /// (`faq:<id>`, `session:<exam>/<id>`, `area:<id>`, `notice:<id>`): what the site's build names
    /// when a page grows too heavy, so the editor knows which files to change.
    public func loadWithFiles() throws -> (book: RuleBook, warnings: [Diagnostic], files: [String: SourceLocation]) {
        let log = DiagnosticLog()
        var content = read(log: log)
        if !log.hasErrors {
            Validator(content: content, log: log, now: now).run()
        }
        if !log.hasErrors {
            content.book.facts = FactTable.facts(of: content.book)
            CitationCheck.run(content, log: log)
            content.book = FactTable.resolve(content, log: log)
        }
        let sorted = PlaceholderCheck.collapse(log.diagnostics).sorted()
        if log.hasErrors { throw ContentErrors(diagnostics: sorted) }
        let book = content.book, locations = content.locations
        var files: [String: SourceLocation] = [:]
        func add(_ name: String, _ key: ContentKey) { if let place = locations[key] { files[name] = place } }
        for entry in book.faq { add("faq:\(entry.id)", .faq(entry.id)) }
        for session in book.sessions { add("session:\(session.exam)/\(session.id)", .session(session)) }
        for area in book.areas { add("area:\(area.id)", .area(area.id)) }
        for notice in book.notices { add("notice:\(notice.id)", .notice(notice.id)) }
        return (book, sorted, files)
    }

    func read(log: DiagnosticLog) -> LoadedContent {
        var reader = ContentReader(log: log)
        var inquiry = InquiryContentReader(log: log)
        var changelog = ChangelogReader(log: log)
        var traditionalForms: [TraditionalForm]?
        var faqTopics: [FAQTopic]?
        let files = listFiles(log: log)
        // Notices, the bulk of an archive, are read on every core a chunk at a time, then taken over in
        // file order; only one chunk of read-but-not-taken-over notices is held at once.
        let noticeIndices = files.indices.filter { Self.folder(of: files[$0].0) == "notices" }
        let noticeFiles = noticeIndices.map { (path: displayRoot + "/" + files[$0].0, url: files[$0].1) }
        var chunk: [ReadNotice] = [], chunkStart = 0
        var nextNotice = 0
        // The other files (a few dozen: exams, sessions, FAQ, the bot's words) are read and parsed on
        // every core too, all at once, then taken over in file order below as before.
        let otherIndices = files.indices.filter { Self.folder(of: files[$0].0) != "notices" }
        let otherFiles = otherIndices.map { (path: displayRoot + "/" + files[$0].0, url: files[$0].1) }
        let parsed = Parallel.map(otherFiles) { file in ParsedFile(result: ContentFile.read(file.url, displayPath: file.path)) }
        var parsedAt: [Int: Result<ContentFile, Diagnostic>] = [:]
        for (i, index) in otherIndices.enumerated() { parsedAt[index] = parsed[i].result }
        for (index, (relative, url)) in files.enumerated() {
            if nextNotice < noticeIndices.count, noticeIndices[nextNotice] == index {
                if nextNotice >= chunkStart + chunk.count {
                    chunkStart = nextNotice
                    chunk = NoticeFiles.read(Array(noticeFiles[nextNotice..<min(nextNotice + NoticeFiles.chunk, noticeFiles.count)]))
                    if nextNotice == 0 {
                        // Size the location table once, from the first chunk's average.
                        let perNotice = chunk.reduce(0) { $0 + $1.locations.count } / max(1, chunk.count)
                        reader.reserve(places: perNotice * noticeFiles.count, notices: noticeFiles.count)
                    }
                }
                let read = chunk[nextNotice - chunkStart]
                read.diagnostics.forEach(log.add)
                reader.adopt(read)
                nextNotice += 1
                continue
            }
            let path = displayRoot + "/" + relative
            let file: ContentFile
            switch parsedAt[index] ?? ContentFile.read(url, displayPath: path) {
            case let .success(parsed): file = parsed
            case let .failure(diagnostic):
                log.add(diagnostic)
                continue
            }
            let folder = Self.folder(of: relative)
            PlaceholderCheck.scan(file, folder: folder, log: log)
            // Notices and the changelog check the Markdown they parse anyway.
            if relative != "changelog.md" { BodyCheck.run(file, log: log) }
            switch (folder, relative) {
            case (_, "sources.md"): reader.readSources(file)
            case (_, "qualifications.md"): reader.readQualifications(file)
            case (_, "messages.md"): reader.readMessages(file)
            case (_, "changelog.md"): changelog.read(file)
            case (_, "traditional.md"): traditionalForms = TraditionalFormsReader.read(file, log: log)
            case (_, FAQTopicsReader.file): faqTopics = FAQTopicsReader.read(file, log: log)
            case ("exams", _): reader.readExam(file)
            case ("sessions", _): reader.readSession(file)
            case ("notices", _): reader.readNotice(file)
            case ("areas", _): reader.readArea(file)
            case ("faq", _): reader.readFAQ(file)
            case ("inquiry", _): inquiry.read(file)
            default:
                log.warning(path, (1, 1), "Passline 不认识这个文件,不会读它:每种内容文件该放在哪个文件夹、叫什么名字,见 docs/content-format.md")
            }
        }
        var loaded = changelog.finish(inquiry.finish(reader.finish()))
        loaded.book.contentVersion = ContentVersion.of(files)
        loaded.book.traditionalForms = traditionalForms
        loaded.book.faqTopics = faqTopics
        loaded.root = displayRoot
        loaded.locations.root = displayRoot
        FAQTopicsReader.check(&loaded, topicsPath: displayRoot + "/" + FAQTopicsReader.file, log: log)
        return loaded
    }

    /// The folder of a file relative to the content directory (`notices`), `""` at the top.
    private static func folder(of relative: String) -> String {
        relative.split(separator: "/").dropLast().joined(separator: "/")
    }
}

/// A file read and parsed on a worker thread, handed to the loader's thread once the worker is done
/// (`Parallel.map` returns after every worker has finished, and nothing touches the file meanwhile).
/// Yams' node tree is not marked `Sendable`; it is only read after that.
private struct ParsedFile: @unchecked Sendable {
    let result: Result<ContentFile, Diagnostic>
}
