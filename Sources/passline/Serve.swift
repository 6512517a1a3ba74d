import ArgumentParser
import Foundation
import PasslineCore
import PasslineSite

/// `passline serve`: builds the site into a preview folder, serves it on 127.0.0.1, and rebuilds and
/// reloads open pages whenever a file under Content/ changes. Site/ is never touched.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the site on 127.0.0.1, rebuilding when Content/ changes.")

    @Option(help: "The content directory.") var content = "Content"
    @Option(help: "The port on 127.0.0.1.") var port: UInt16 = 8000
    @Option(help: "Where the preview is built (default: a temporary folder).") var output: String?

    func run() throws {
        let folder = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("passline-preview-\(ProcessInfo.processInfo.processIdentifier)").path
        let server = PreviewServer(root: URL(fileURLWithPath: folder), port: port)
        var fingerprint = ContentFingerprint.of(content)
        rebuild(into: folder)
        try server.start()
        say("Previewing \(content) at http://127.0.0.1:\(port)/index.html — Ctrl-C to stop")
        while true {
            Thread.sleep(forTimeInterval: 1)
            let now = ContentFingerprint.of(content)
            guard now != fingerprint else { continue }
            fingerprint = now
            if rebuild(into: folder) { server.bumpVersion() }
        }
    }

    @discardableResult
    private func rebuild(into folder: String) -> Bool {
        do {
            let context = try SiteBuilder(options: SiteOptions(content: content, output: folder)).build()
            context.warnings.forEach(printError)
            say("rebuilt: \(context.files.paths.count) files")
            return true
        } catch let failure as BuildFailure {
            failure.lines.forEach(printError)
            printError("build failed in step '\(failure.step)'; still serving the last good build")
            return false
        } catch {
            printError("\(error)")
            return false
        }
    }
}

/// Prints a line at once, even when stdout is a file or a pipe (the preview runs for a long time).
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
