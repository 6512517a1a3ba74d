import Foundation
import Testing
@testable import PasslineImport

/// Whatever an editor feeds it (a truncated download, a corrupted file, the wrong file), the import
/// returns drafts or refuses with a Chinese message: it never crashes or hangs.
@Suite struct RobustnessTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    private func survives(_ data: Data, _ name: String, _ catalog: ImportCatalog, _ phrasing: Phrasing) {
        do {
            let result = try NoticeImport.run(data, options: .init(fileName: name), catalog: catalog, phrasing: phrasing)
            _ = ImportReport.render(result, source: name, contentRoot: "Content", written: nil, overwrite: false)
        } catch is ImportFailure {
        } catch {
            Issue.record("\(name): not an ImportFailure: \(error)")
        }
    }

    @Test func truncatedAndCorruptedInputsAreReportedNotCrashedOn() throws {
        let catalog = shippedCatalog(), phrasing = try Phrasing.standard()
        for name in ["seed-notice.txt", "synthetic-2025-01-15-official-page.html", "synthetic-2026-round.txt"] {
            let data = try Repo.fixture(name)
            for cut in stride(from: 0, to: data.count, by: max(1, data.count / 30)) {
                survives(data.prefix(cut), name, catalog, phrasing)
            }
            var g = Generator(state: 13)
            for _ in 0..<20 {
                var bytes = [UInt8](data)
                for _ in 0..<8 { bytes[Int(g.next() % UInt64(bytes.count))] = UInt8(g.next() % 256) }
                survives(Data(bytes), name, catalog, phrasing)
            }
        }
    }

    @Test func linesOfTheSeedInAnyOrderAreReportedNotCrashedOn() throws {
        let catalog = shippedCatalog(), phrasing = try Phrasing.standard()
        let lines = String(decoding: try Repo.fixture("seed-notice.txt"), as: UTF8.self).split(separator: "\n")
        var g = Generator(state: 7)
        for _ in 0..<30 {
            let shuffled = lines.map { ($0, g.next()) }.sorted { $0.1 < $1.1 }.map(\.0).prefix(Int(g.next() % UInt64(lines.count)) + 1)
            survives(Data(shuffled.joined(separator: "\n").utf8), "shuffled.txt", catalog, phrasing)
        }
    }
}
