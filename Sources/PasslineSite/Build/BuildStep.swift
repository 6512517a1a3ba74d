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

/// Why a build stopped, with the step that stopped it.
public struct BuildFailure: Error, CustomStringConvertible, Sendable {
    public let step: String
    public let lines: [String]

    public init(step: String, lines: [String]) {
        self.step = step
        self.lines = lines
    }

    public var description: String { (["build failed in step '\(step)':"] + lines).joined(separator: "\n") }
}

/// How many pages a build step makes at a time (`Parallel.map(_:inChunksOf:…)`): enough to keep every
/// core busy, few enough that one chunk of pages is a few megabytes.
enum PageChunk {
    static let size = 512
}
