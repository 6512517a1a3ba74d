import Foundation

/// The bundled static assets (stylesheet and scripts), by file name.
enum BundledAssets {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "the bundled Assets folder was not found" }
    }

    static func all() throws -> [(name: String, data: Data)] {
        guard let folder = Bundle.module.url(forResource: "Assets", withExtension: nil) else { throw Missing() }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }
}
