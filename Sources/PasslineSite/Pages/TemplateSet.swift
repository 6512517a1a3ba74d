import Foundation
import Mustache

/// The Mustache templates bundled with PasslineSite, by file name without `.mustache`.
///
/// Templates are logic-less and escape every `{{value}}` for HTML; only `{{{triple}}}` values are
/// inserted raw, and those are always HTML that cmark or another template produced.
struct TemplateSet: Sendable {
    let library: MustacheLibrary

    enum Failure: Error, CustomStringConvertible {
        case missingFolder, missing(String), broken(String, Error)
        var description: String {
            switch self {
            case .missingFolder: "the bundled Templates folder was not found"
            case let .missing(name): "template '\(name)' is missing"
            case let .broken(name, error): "template '\(name)' does not parse: \(error)"
            }
        }
    }

    static func bundled() throws -> TemplateSet {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else { throw Failure.missingFolder }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do { try library.register(text, named: name) } catch { throw Failure.broken(name, error) }
        }
        return TemplateSet(library: library)
    }

    func render(_ name: String, _ model: Any) throws -> String {
        guard let output = library.render(model, withTemplate: name) else { throw Failure.missing(name) }
        return output
    }
}

/// The bundled static assets (stylesheet and scripts), by file name.
enum BundledAssets {
    static func all() throws -> [(name: String, data: Data)] {
        guard let folder = Bundle.module.url(forResource: "Assets", withExtension: nil) else { throw TemplateSet.Failure.missingFolder }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, try Data(contentsOf: folder.appendingPathComponent($0))) }
    }
}
