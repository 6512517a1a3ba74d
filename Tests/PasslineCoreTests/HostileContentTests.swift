import Foundation
import Testing
@testable import PasslineCore
import Markdown

/// Every broken or hostile input found by probing `passline check` and `build` (issues 16 and 18):
/// each must load to a clear error at its file and line (or load correctly), never crash, hang or lose
/// text. The seeded fuzz test (`ContentFuzzTests`) starts from these same inputs.
@Suite struct HostileContentTests {
    /// The diagnostics of one edited copy of the fixtures.
    private func diagnostics(_ edit: (ContentFixture) throws -> Void) throws -> [String] {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try edit(fixture)
        let found = fixture.diagnostics()
        for diagnostic in found {
            let message =
                diagnostic.components(separatedBy: ": error: ").dropFirst().first ?? diagnostic.components(separatedBy: ": warning: ")
                .dropFirst().first ?? diagnostic
            #expect(EditorLanguage.isChinese(message), "not Chinese: \(diagnostic)")
        }
        return found
    }

    private func expectError(_ expected: String, _ edit: (ContentFixture) throws -> Void, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let found = try diagnostics(edit)
        #expect(found.contains(expected), "expected \(expected)\ngot:\n\(found.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    private func expectError(
        containing fragment: String, at place: String, _ edit: (ContentFixture) throws -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let found = try diagnostics(edit)
        #expect(
            found.contains {
                ($0.hasPrefix(place + ": error: ") || ($0.hasPrefix(place + ":") && $0.contains(": error: "))) && $0.contains(fragment)
            },
            "expected an error at \(place) saying \(fragment)\ngot:\n\(found.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    typealias SourceLocation = Testing.SourceLocation

    // MARK: 16.1 numbers range-checked before conversion

    @Test func aThresholdOf1e30IsAnErrorNotACrash() throws {
        try expectError("sessions/ruankao-2024-H2.md:8:11: error: 'thresholds.senior' 的值 '1e30' 不在 0 到 1000 之间:写一个数,如 42") { f in
            try f.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: 1e30")
        }
    }

    @Test func fullAndPassMarksOf1e30AreErrors() throws {
        let found = try diagnostics { f in
            try f.replace("exams/ruankao.md", "full_marks: 75", with: "full_marks: 1e30")
            try f.replace("exams/ruankao.md", "pass_mark: 45", with: "pass_mark: 100000000000000000000000000000")
        }
        #expect(found.contains("exams/ruankao.md:8:13: error: 'full_marks' 的值 '1e30' 不在 0 到 1000 之间:写一个数,如 42"), "\(found)")
        #expect(
            found.contains("exams/ruankao.md:9:12: error: 'pass_mark' 的值 '100000000000000000000000000000' 不在 0 到 1000 之间:写一个数,如 42"),
            "\(found)")
    }

    @Test func aFAQOrderOf1e30OrAFractionIsAnError() throws {
        try expectError("faq/hotline.md:7:8: error: 'order' 的值 '1e30' 不在 0 到 100000 之间:写一个整数,如 10") { f in
            try f.replace("faq/hotline.md", "order: 250", with: "order: 1e30")
        }
        try expectError("faq/hotline.md:7:8: error: 'order' 的值 '2.5' 不在 0 到 100000 之间:写一个整数,如 10") { f in
            try f.replace("faq/hotline.md", "order: 250", with: "order: 2.5")
        }
    }

    @Test func hexInfinityAndFullWidthNumbersAreNamed() throws {
        let found = try diagnostics { f in
            try f.replace("sessions/ruankao-2024-H2.md", "senior: 40", with: "senior: ４０")
            try f.replace("sessions/ruankao-2024-H2.md", "junior: 39", with: "junior: 0x27")
            try f.replace("sessions/ruankao-2024-H2.md", "intermediate: 39", with: "intermediate: .inf")
        }
        #expect(found.contains("sessions/ruankao-2024-H2.md:8:11: error: 'thresholds.senior' 的值 '４０' 用了全角数字:改成半角的 40"), "\(found)")
        #expect(
            found.contains("sessions/ruankao-2024-H2.md:6:11: error: 'thresholds.junior' 要写一个数,这里是 '0x27':写成 42 或 38.5 这样的数"), "\(found)")
        #expect(
            found.contains("sessions/ruankao-2024-H2.md:7:17: error: 'thresholds.intermediate' 要写一个数,这里是 '.inf':写成 42 或 38.5 这样的数"),
            "\(found)")
    }

    @Test func aClauseNumberTooLargeToCountIsAnError() throws {
        let number = String(repeating: "一", count: 2_000)
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("notices/2025-01-15.md", "## 四、申领方式", with: "## \(number)、申领方式")
        let line = try fixture.position(of: "\(number)、", in: "notices/2025-01-15.md").line
        let found = fixture.diagnostics()
        #expect(
            found.contains { $0.hasPrefix("notices/2025-01-15.md:\(line):1: error: 这一段以条款编号 '一一一") && $0.contains("大于 99、无法计数") },
            "\(found)")
    }

    @Test func proseStatingAnUncountableScoreIsAMismatchNotACrash() throws {
        try expectError(containing: "写的是 1e+24分", at: "sessions/ruankao-2024-H2.md:8:11") { f in
            try f.replace("notices/2025-01-15.md", "高级各科目合格标准均为 40分(含)", with: "高级各科目合格标准均为 1000000000000000000000000分(含)")
        }
    }

    // MARK: 16.2 bounded parsing

    static let deepMarkdown: [String: String] = [
        "quotes": String(repeating: ">", count: 100_000) + " 深",
        "list items": String(repeating: "- ", count: 100_000) + "深",
        "emphasis": String(repeating: "*", count: 100_000) + "深" + String(repeating: "*", count: 100_000)
    ]

    @Test(arguments: deepMarkdown.keys.sorted())
    func markdownNested100000LevelsIsAnErrorAtItsLine(_ name: String) throws {
        let deep = try #require(Self.deepMarkdown[name])
        for file in ["faq/hotline.md", "areas/xizang.md", "exams/ruankao.md"] {
            let fixture = try ContentFixture()
            defer { fixture.remove() }
            let text = try fixture.read(file)
            try fixture.write(file, text + "\n" + deep + "\n")
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1
            let found = fixture.diagnostics()
            #expect(
                found.contains { $0.hasPrefix("\(file):\(line):") && $0.contains(": error: Markdown 在这里嵌套超过 32 层") }, "\(file): \(found)")
        }
    }

    @Test func markdownNestedDeepInTheNoticeIsAnError() throws {
        try expectError(containing: "Markdown 在这里嵌套超过 32 层", at: "notices/2025-01-15.md:73:63") { f in
            try f.write(
                "notices/2025-01-15.md", try f.read("notices/2025-01-15.md") + "\n" + String(repeating: "> ", count: 50_000) + "深\n")
        }
    }

    /// Nine levels of nine aliases each stand for 387,420,489 values: walking them hung `check`.
    static let aliasBomb = """
        a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        """

    @Test(arguments: ["sessions/ruankao-2024-H2.md", "faq/hotline.md", "notices/2025-01-15.md", "inquiry/bomb.md", "sources.md"])
    func aYAMLAliasBombIsRefusedAtItsFirstAnchor(_ file: String) throws {
        try expectError("\(file):2:4: error: 这里用了 YAML 锚点 '&a':内容文件里不能用锚点和别名(&、*),把值直接写出来") { f in
            let text = (try? f.read(file)) ?? "---\n---\n"
            try f.write(file, "---\n" + Self.aliasBomb + "\n" + text.dropFirst(4))
        }
    }

    @Test func anAliasIsRefusedWhereItIs() throws {
        try expectError("sessions/ruankao-2024-H2.md:9:10: error: 这里用了 YAML 别名 '*x':内容文件里不能用别名和锚点(&、*),把值直接写出来") { f in
            try f.replace("sessions/ruankao-2024-H2.md", "label: 2024年下半年\n", with: "label: 2024年下半年\n")
            try f.replace("sessions/ruankao-2024-H2.md", "  senior: 40\n", with: "  senior: 40\nsources: *x\n")
        }
    }

    static let deepYAML: [String: String] = [
        "flow lists": "keywords2: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        "flow mappings": "keywords2: " + String(repeating: "{a: ", count: 50_000) + "x" + String(repeating: "}", count: 50_000),
        "block lists": "keywords2:\n" + String(repeating: "- ", count: 50_000) + "x"
    ]

    @Test(arguments: deepYAML.keys.sorted())
    func yamlNested100000LevelsIsAnError(_ name: String) throws {
        let deep = try #require(Self.deepYAML[name])
        try expectError(containing: "文件头在这里嵌套超过 16 层:内容文件用不到这么深的结构,检查缩进和括号", at: "faq/hotline.md:\(name == "block lists" ? 9 : 8)") { f in
            try f.replace("faq/hotline.md", "order: 250\n", with: "order: 250\n\(deep)\n")
        }
    }

    @Test func aFileOverTheLimitIsNamedAndNotRead() throws {
        try expectError(containing: "超过每个内容文件 1048576 字节(1 MiB)的上限", at: "faq/hotline.md:1:1") { f in
            try f.write("faq/hotline.md", try f.read("faq/hotline.md") + String(repeating: "很长的答案。", count: 200_000))
        }
        try expectError(containing: "超过每个内容文件 1048576 字节(1 MiB)的上限", at: "notices/2025-01-15.md:1:1") { f in
            try f.replace("notices/2025-01-15.md", "title: ", with: "title: " + String(repeating: "标", count: 3_500_000))
        }
    }

    @Test func aTitleOverAThousandCharactersIsAnError() throws {
        try expectError("notices/2025-01-15.md:4:8: error: 'title' 有 5034 个字,超过一个值 1000 个字的上限:长的内容写在正文里(第二个 '---' 下面)") { f in
            // The title is 关于开展 and 34 characters more.
            try f.replace("notices/2025-01-15.md", "title: 关于开展", with: "title: " + String(repeating: "长", count: 5_000))
        }
    }

    // MARK: 16.3 ids are names, not paths

    @Test(arguments: [
        ("../../../PWNED", "含有 '/'、'\\' 或 '..':id 是名字,不是路径"),
        ("a/b", "含有 '/'、'\\' 或 '..':id 是名字,不是路径"),
        ("\"2025 01 15\"", "含有空格或换行"),
        ("\"2025-01-15\\n\"", "含有空格或换行"),
        ("..", "含有 '/'、'\\' 或 '..':id 是名字,不是路径"),
        ("Notice", "含有大写字母"),
        ("2025_01_15", "含有小写字母、数字和 '-' 以外的字符")
    ])
    func aNoticeIdThatIsNotANameIsAnError(_ id: String, _ reason: String) throws {
        try expectError(containing: reason, at: "notices/2025-01-15.md:2:5") { f in
            try f.replace("notices/2025-01-15.md", "id: 2025-01-15", with: "id: \(id)")
        }
    }

    @Test func faqAndAreaIdsAreCheckedTheSameWay() throws {
        let found = try diagnostics { f in
            try f.replace("faq/hotline.md", "id: hotline", with: "id: ../hotline")
            try f.replace("areas/xizang.md", "id: xizang", with: "id: \"xi zang\"")
        }
        #expect(found.contains { $0.hasPrefix("faq/hotline.md:2:5: error: 'id' 是 '../hotline',含有 '/'") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("areas/xizang.md:2:5: error: 'id' 是 'xi zang',含有空格或换行") }, "\(found)")
    }

    @Test func existingIdsStayValid() {
        for id in ["2025-01-15", "2024-09-20", "hrss-2022-25", "ruankao", "xinjiang-prefectures"] {
            #expect(ContentID(rawValue: id) != nil, "\(id)")
        }
        #expect(ContentID(session: "2024-H2", form: .halfYear)?.rawValue == "2024-H2")
        #expect(ContentID(session: "2024", form: .year)?.rawValue == "2024")
        #expect(ContentID(session: "../2024", form: .year) == nil)
        #expect(ContentID(rawValue: String(repeating: "a", count: 65)) == nil, "at most 64 bytes")
    }

    @Test func aSymlinkPointingOutsideTheContentIsAnError() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let outside = fixture.root.deletingLastPathComponent().appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try fixture.read("faq/hotline.md").replacingOccurrences(of: "id: hotline", with: "id: secret").write(
            to: outside.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("faq/secret.md").path,
            withDestinationPath: outside.appendingPathComponent("secret.md").path)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("faq/more").path, withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("faq/gone.md").path, withDestinationPath: "/nonexistent/gone.md")
        let found = fixture.diagnostics()
        #expect(found.contains { $0.hasPrefix("faq/secret.md:1:1: error: 这个符号链接指向内容文件夹之外的") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("faq/more:1:1: error: 这个符号链接指向内容文件夹之外的") }, "\(found)")
        #expect(
            found.contains(
                "faq/gone.md:1:1: error: 这个符号链接指向的文件不存在:删掉它,或让它指向 \(fixture.root.path) 里的文件".replacingOccurrences(
                    of: fixture.root.path + "/", with: "")), "\(found)")
    }

    @Test func aSymlinkInsideTheContentIsReadAndALoopOnce() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try FileManager.default.moveItem(
            at: fixture.root.appendingPathComponent("faq/hotline.md"), to: fixture.root.appendingPathComponent("hotline-source.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: fixture.root.appendingPathComponent("faq/hotline.md").path, withDestinationPath: "../hotline-source.txt")
        try FileManager.default.createSymbolicLink(atPath: fixture.root.appendingPathComponent("faq/loop").path, withDestinationPath: "..")
        let book = try fixture.load().book
        #expect(book.faq.contains { $0.id == "hotline" })
    }

    // MARK: 18.2 links and loads allow-listed

    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
        "file:///etc/passwd", "//evil.example/x"
    ])
    func aSourceURLThatIsNotAWebAddressIsAnError(_ url: String) throws {
        try expectError(containing: "要以 https:// 或 http:// 开头", at: "sources.md:5:10") { f in
            try f.replace(
                "sources.md", "url: \"https://med66.com/zhiyeyaoshikaoshi/fenshuxian/fe2207049746.shtml\"", with: "url: \"\(url)\"")
        }
    }

    @Test func aNoticeSourceURLAndAnExamWebsiteAreChecked() throws {
        let found = try diagnostics { f in
            try f.replace("notices/2025-01-15.md", "source_url: http://cqitrk", with: "source_url: javascript://cqitrk")
            try f.replace("exams/ruankao.md", "url: \"https://www.ruankao.org.cn/\"", with: "url: \"\\tjavascript:alert(1)\"")
        }
        #expect(found.contains { $0.hasPrefix("notices/2025-01-15.md:8:13: error: 网址 'javascript://cqitrk") }, "\(found)")
        #expect(
            found.contains { $0.hasPrefix("exams/ruankao.md:15:36: error: 网址 '\tjavascript:alert(1)' 要以 https:// 或 http:// 开头") },
            "\(found)")
    }

    @Test(arguments: [
        ("[点这里](javascript:alert(1))", "用了 'javascript:'"),
        ("[点这里](java&#x09;script:alert(1))", "用了 'javascript:'"),
        ("<vbscript:msgbox(1)>", "用了 'vbscript:'"),
        ("[点这里](data:text/html;base64,PHNjcmlwdD4=)", "用了 'data:'"),
        ("[点这里](//evil.example/)", "会指向别的网站"),
        ("[点这里](https:evil)", "没有网站名"),
        ("![图](https://evil.example/pixel.png)", "这里有一张图片 'https://evil.example/pixel.png':网站不显示图片"),
        ("![图](local.png)", "这里有一张图片 'local.png'"),
        ("前面<img src=x onerror=alert(1)>后面", "这里有 HTML '<img src=x onerror=alert(1)>'"),
        ("<span onmouseover=\"alert(1)\">字</span>", "这里有 HTML '<span onmouseover=\"alert(1)\">'"),
        ("\n\n<div onclick=x>\n块\n</div>", "这里有 HTML '<div onclick=x>'")
    ])
    func aMarkdownLinkImageOrHTMLThatCouldLoadOrRunIsAnError(_ markdown: String, _ reason: String) throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let text = try fixture.read("faq/hotline.md")
        try fixture.write("faq/hotline.md", text + "\n补充:" + markdown + "\n")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count + 1 + markdown.prefix { $0 == "\n" }.count
        let found = fixture.diagnostics()
        #expect(found.contains { $0.hasPrefix("faq/hotline.md:\(line):") && $0.contains(": error: ") && $0.contains(reason) }, "\(found)")
    }

    @Test func allowedLinksAndEditorsCommentsLoad() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.write(
            "faq/hotline.md",
            try fixture.read("faq/hotline.md") + """

                见[官网](https://www.ruankao.org.cn/)、[旧站](http://www.ruankao.org.cn/)、[来信](mailto:a@example.cn)、[电话](tel:010-68607734)、[通知](notice.html#c3-1-4)和<https://www.txks.org.cn/>。

                <!-- 给编辑的备注:不会显示 -->

                """)
        #expect(fixture.diagnostics().filter { $0.contains(": error: ") }.isEmpty, "\(fixture.diagnostics())")
    }

    // MARK: 18.3 text is never lost

    @Test func aNulByteIsAnErrorAtItsPlace() throws {
        try expectError("faq/hotline.md:9:6: error: 这里有一个看不见的 NUL 字符(U+0000):删掉它,否则它后面的文字会在网页上丢失") { f in
            try f.replace("faq/hotline.md", "通知给出的咨询电话", with: "通知给出的\u{0}咨询电话")
        }
    }

    @Test func controlCharactersInTextOrInYAMLEscapesAreErrors() throws {
        try expectError("notices/2025-01-15.md:4:10: error: 这里有一个看不见的控制字符 U+0007(BEL):删掉它,它会让网页和订阅里的文字出错") { f in
            try f.replace("notices/2025-01-15.md", "title: 关于", with: "title: 关于\u{7}")
        }
        try expectError("faq/hotline.md:3:11: error: 这里有一个看不见的 NUL 字符(U+0000):删掉它,否则它后面的文字会在网页上丢失") { f in
            try f.replace("faq/hotline.md", "question: \"补申领", with: "question: \"\\0补申领")
        }
        try expectError("faq/hotline.md:3:11: error: 这里有一个看不见的控制字符 U+0085:删掉它,它会让网页和订阅里的文字出错") { f in
            try f.replace("faq/hotline.md", "question: \"补申领", with: "question: \"\\N补申领")
        }
    }

    @Test(arguments: ["~", "null", "NULL", ""])
    func aNullWhereTextIsRequiredIsAnError(_ value: String) throws {
        let found = try diagnostics { f in try f.replace("faq/hotline.md", "question: \"补申领有问题打什么电话？\"", with: "question: \(value)") }
        #expect(found.contains { $0.hasPrefix("faq/hotline.md:3:") && $0.contains("'question'") && $0.contains(": error: ") }, "\(found)")
    }

    @Test func aQuotedTildeIsText() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("faq/hotline.md", "question: \"补申领有问题打什么电话？\"", with: "question: \"~\"")
        #expect(try fixture.load().book.faq.first { $0.id == "hotline" }?.question == "~")
    }

    /// A fact is data: `&amp;` in a title stays `&amp;` on the page, and inline HTML in it shows as text.
    @Test func factsAreEscapedForMarkdown() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("notices/2025-01-15.md", "title: 关于开展", with: "title: A&amp;B <b>粗</b> *星* [x](y) 关于开展")
        try fixture.replace("faq/hotline.md", "通知给出的咨询电话是", with: "通知《{{notice.title}}》给出的咨询电话是")
        let answer = try #require(try fixture.load().book.faq.first { $0.id == "hotline" }?.answer)
        let html = MarkdownDocument(parsing: answer).html
        #expect(html.contains("《A&amp;amp;B &lt;b&gt;粗&lt;/b&gt; *星* [x](y) 关于开展"), "\(html)")
    }

    @Test func markdownTextEscapesWhatWouldBeMarkup() {
        #expect(MarkdownText.escaped("2025年2月28日17:00") == "2025年2月28日17:00", "plain facts are unchanged")
        #expect(MarkdownText.escaped("https://www.ruankao.org.cn/") == "https://www.ruankao.org.cn/")
        #expect(MarkdownText.escaped("38.5") == "38.5")
        #expect(MarkdownText.escaped("1. 项") == "1\\. 项")
        #expect(MarkdownText.escaped("# 标题") == "\\# 标题")
        #expect(MarkdownText.escaped("a_b*c") == "a\\_b\\*c")
    }

    @Test func misnamedFilesAreReportedNotIgnored() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let faq = try fixture.read("faq/hotline.md")
        try fixture.write("faq/upper.MD", faq.replacingOccurrences(of: "id: hotline", with: "id: upper"))
        try fixture.write("faq/.hidden.md", faq.replacingOccurrences(of: "id: hotline", with: "id: hidden"))
        try fixture.write("faq/notes.txt", "备忘")
        try fixture.write("faq/.DS_Store", "")
        let found = fixture.diagnostics()
        #expect(found.contains("faq/upper.MD:1:1: error: Passline 只读扩展名为小写 .md 的文件,这个文件不会被读取:改名为 'upper.md'"), "\(found)")
        #expect(found.contains("faq/.hidden.md:1:1: error: 以点开头的文件不会被读取:如果这是内容,改名为 'hidden.md';否则把它移出内容文件夹"), "\(found)")
        #expect(found.contains("faq/notes.txt:1:1: warning: 这不是 .md 文件,Passline 不读它:如果这是内容,改成 .md 文件;否则把它移出内容文件夹"), "\(found)")
        #expect(!found.contains { $0.contains(".DS_Store") })
    }

    @Test func aFIFOInTheContentIsAnErrorNotAHang() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        #expect(mkfifo(fixture.root.appendingPathComponent("faq/pipe.md").path, 0o600) == 0)
        #expect(fixture.diagnostics().contains("faq/pipe.md:1:1: error: 这不是普通文件(管道或其他特殊文件):内容文件夹里只放 .md 文件"))
    }

    /// Found by the ten-minute fuzz run (seed 77, round 114169): a file ending with its closing `---`
    /// had its empty answer reported on a line past the end of the file.
    @Test func anEmptyBodyIsReportedOnALineTheFileHas() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        let text = try fixture.read("faq/hotline.md")
        let frontMatter = text[..<text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex)!.upperBound]
            .dropLast()
        try fixture.write("faq/hotline.md", String(frontMatter))
        #expect(
            fixture.diagnostics().contains { $0.hasPrefix("faq/hotline.md:8:1: error: FAQ 'hotline' 没有答案") }, "\(fixture.diagnostics())")
    }

    // MARK: 13.4 errors an editor understands

    @Test func datesAreCheckedPartByPart() {
        #expect(DateProblem.describe("2025-02-30T09:00+08:00", withTime: true)?.reason == "2025年2月没有 30 日(这个月只有 28 天)")
        #expect(DateProblem.describe("2024-02-29T09:00+08:00", withTime: true) == nil, "2024 is a leap year")
        #expect(DateProblem.describe("2025-02-28T17:00", withTime: true)?.reason == "缺少时区")
        #expect(DateProblem.describe("2025-02-28T24:00+08:00", withTime: true)?.reason == "没有 24 点")
        #expect(DateProblem.describe("2025-02-28T17:00+25:00", withTime: true)?.reason == "时区 +25:00 不存在")
        #expect(DateProblem.describe("2025-1-5", withTime: false)?.fix == "写成 2025-01-05")
        #expect(DateProblem.describe("２０２５-０１-１５", withTime: false)?.reason == "用了全角数字")
        #expect(DateProblem.describe("2025年1月15日", withTime: false)?.reason == "写成了中文日期")
    }

    @Test func anImpossibleDayOfANoticeIsNamed() throws {
        try expectError("notices/2025-01-15.md:6:7: error: 'date' 的值 '2025-02-30' 不对,2025年2月没有 30 日(这个月只有 28 天):这一天不存在,检查日期") { f in
            try f.replace("notices/2025-01-15.md", "date: 2025-01-15", with: "date: 2025-02-30")
        }
    }

    @Test func aFullWidthColonInAFlowMappingIsNamedAlone() throws {
        let found = try diagnostics { f in
            try f.replace(
                "notices/2025-01-15.md", "application: {start: 2025-01-22T09:00+08:00", with: "application: {start：2025-01-22T09:00+08:00")
        }
        #expect(
            found == [
                "notices/2025-01-15.md:9:20: error: 'start' 后面的冒号是全角的 '：',YAML 只认半角冒号 ':':改成 'start: 2025-01-22T09:00+08:00'(半角冒号,后面空一格)"
            ])
    }

    @Test func aFullWidthColonInsideAValueIsText() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.replace("faq/hotline.md", "keywords: [\"电话\"", with: "keywords: [\"电话\", tel：号码")
        #expect(try fixture.load().book.faq.first { $0.id == "hotline" }?.keywords.contains("tel：号码") == true)
    }

    // MARK: 18.5 errors that name the file and the reason

    @Test func crOnlyLineEndingsReadLikeLF() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        for file in ["faq/hotline.md", "sessions/ruankao-2024-H2.md", "notices/2025-01-15.md"] {
            try fixture.write(file, try fixture.read(file).replacingOccurrences(of: "\n", with: "\r"))
        }
        try fixture.write("areas/xizang.md", "\u{FEFF}" + (try fixture.read("areas/xizang.md")))
        let reference = try ContentFixture()
        defer { reference.remove() }
        var book = try fixture.load().book
        let expected = try reference.load().book
        // The content version hashes the bytes, which differ; everything read from them is the same.
        #expect(book.contentVersion != expected.contentVersion)
        book.contentVersion = expected.contentVersion
        #expect(book == expected)
    }

    @Test func aCROnlyFileWithAnErrorPointsAtTheRightLine() throws {
        try expectError("sessions/ruankao-2024-H2.md:8:11: error: 'thresholds.senior' 要写一个数,这里是 'forty':写成 42 或 38.5 这样的数") { f in
            let text = try f.read("sessions/ruankao-2024-H2.md").replacingOccurrences(of: "senior: 40", with: "senior: forty")
            try f.write("sessions/ruankao-2024-H2.md", text.replacingOccurrences(of: "\n", with: "\r"))
        }
    }

    @Test func anEmptyOrMissingContentFolderIsReportedAtTheFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passline-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func errors(_ path: String) -> [String] {
            do { _ = try ContentLoader(directory: path).load(); return [] } catch let e as ContentErrors {
                return e.diagnostics.map(\.description)
            } catch { return ["\(error)"] }
        }
        #expect(errors(folder.path) == ["\(folder.path):1:1: error: '\(folder.path)' 里没有内容文件(.md):--content 是否指错了文件夹?"])
        #expect(
            errors(folder.path + "/none") == [
                "\(folder.path)/none:1:1: error: 找不到内容文件夹 '\(folder.path)/none':用 --content 指定 Content/ 所在的文件夹"
            ])
        try "x".write(to: folder.appendingPathComponent("file"), atomically: true, encoding: .utf8)
        #expect(
            errors(folder.path + "/file") == ["\(folder.path)/file:1:1: error: '\(folder.path)/file' 不是文件夹:--content 要指向 Content/ 这样的文件夹"])
    }

    @Test func aFolderWithoutMessagesSaysSoAtTheFolder() throws {
        let fixture = try ContentFixture()
        defer { fixture.remove() }
        try fixture.delete("messages.md")
        #expect(fixture.diagnostics().contains { $0.hasPrefix("\(fixture.root.path):1:1: error: 内容文件夹里没有 messages.md") })
    }

    @Test func rulesFilesThatAreNotRulesSayWhatTheyAre() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("passline-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func error(_ path: String) -> String {
            do { _ = try RuleBookSource(content: "", rules: path).load(); return "" } catch { return "\(error)" }
        }
        let passwd = folder.appendingPathComponent("passwd"), empty = folder.appendingPathComponent("empty.json"),
            other = folder.appendingPathComponent("other.json")
        try "root:x:0:0:root:/root:/bin/bash\n".write(to: passwd, atomically: true, encoding: .utf8)
        try "".write(to: empty, atomically: true, encoding: .utf8)
        try #"{"schemaVersion": 1, "exams": 3}"#.write(to: other, atomically: true, encoding: .utf8)
        #expect(
            error(passwd.path)
                == "\(passwd.path):1:1: error: 这个文件不是 JSON,不是 Passline 的 rules.json:--rules 要指向 passline build 生成的 Site/rules.json")
        #expect(error(folder.path) == "\(folder.path):1:1: error: 这是一个文件夹,不是 rules.json 文件:--rules 要指向文件本身(如 Site/rules.json)")
        #expect(error("/dev/null") == "/dev/null:1:1: error: 这不是普通文件(是设备、管道或其他特殊文件):--rules 要指向网站生成的 rules.json")
        #expect(error(empty.path) == "\(empty.path):1:1: error: 这个文件是空的:--rules 要指向网站生成的 rules.json(passline build 会写出它)")
        #expect(error(other.path).hasPrefix("\(other.path):1:1: error: 这个 JSON 文件不是这个版本的 Passline 能读的 rules.json"))
        #expect(
            error(folder.path + "/none.json")
                == "\(folder.path)/none.json:1:1: error: 找不到这个文件:--rules 要指向网站生成的 rules.json(如 Site/rules.json)")
    }
}
