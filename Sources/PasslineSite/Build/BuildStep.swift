/// One named stage of a build, in the manner of Publish's publishing steps: the builder runs its
/// steps in order, and a failing step names itself in the error.
public struct BuildStep: Sendable {
    public let name: String
    let body: @Sendable (inout BuildContext) throws -> Void

    public init(_ name: String, _ body: @escaping @Sendable (inout BuildContext) throws -> Void) {
        self.name = name
        self.body = body
    }
}

/// What a step (or what it calls) throws to stop the build: the lines to show. The builder adds the
/// step's name (`BuildFailure`), so a step never writes its own name in its body.
public struct StepProblem: Error, Sendable {
    public let lines: [String]

    public init(_ lines: [String]) { self.lines = lines }
}

/// Why a build stopped, with the step that stopped it.
public struct BuildFailure: Error, CustomStringConvertible, Sendable {
    public let step: String
    public let lines: [String]

    public init(step: String, lines: [String]) {
        self.step = step
        self.lines = lines
    }

    public var description: String { (["构建在「\(title)」这一步停止:"] + lines).joined(separator: "\n") }

    /// The step's name in Chinese, for editors (the name itself stays the steps' identifier).
    public var title: String { BuildFailure.titles[step] ?? step }

    static let titles = [
        "prepare output": "准备输出文件夹", "load content": "读取并检查内容", "render pages": "生成页面",
        "notice.txt": "生成通知纯文本", "zh-Hant copies": "生成繁体版", "assets": "复制样式和脚本",
        "rules.json": "生成 rules.json", "feed.xml": "生成订阅源 feed.xml", "sitemap.xml, robots.txt": "生成 sitemap.xml 和 robots.txt",
        "check xml": "检查 feed.xml 和 sitemap.xml", "check links": "检查链接", "check marks": "检查来源标注", "page budget": "检查页面大小",
        "write site": "发布网站", "build cache": "读取构建缓存", "save build cache": "保存构建缓存"
    ]
}

/// How many pages a build step makes at a time (`Parallel.map(_:inChunksOf:…)`): enough to keep every
/// core busy, few enough that one chunk of pages is a few megabytes.
enum PageChunk {
    static let size = 512
}
