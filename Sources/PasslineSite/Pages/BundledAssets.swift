import Foundation

/// The bundled static assets (stylesheet and scripts), by file name.
enum BundledAssets {
    struct Missing: Error, CustomStringConvertible {
        var description: String { "找不到随程序一起安装的 Assets 文件夹(样式和脚本):请重新安装 passline,或在源代码目录里运行 swift run passline" }
    }

    static func all() throws -> [(name: String, data: Data)] {
        guard let folder = Bundle.module.url(forResource: "Assets", withExtension: nil) else { throw Missing() }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }
}
