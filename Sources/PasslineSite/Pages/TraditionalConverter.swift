import ChineseScript
import Foundation
import PasslineCore

/// Turns Simplified markup (HTML, XML) or plain text into its zh-Hant form, leaving alone what must not
/// change (`ProtectedRanges`: `href`/`src` values, whose addresses may hold Chinese that must stay
/// byte-exact, and elements marked `translate="no"`, the script switch that names the other script).
///
/// The site writes zh-Hant pages through it piece by piece (`PageWriter`): each distinct piece of a
/// page — a part of the layout, a title, an answer — is converted once per build and found in `units`
/// after that; the text outside the protected parts goes through `TraditionalText`, which converts each
/// distinct run of text once. The result is exactly what converting each whole page outside its
/// protected parts would give (tested on every page).
///
/// One converter serves every thread of a build: its caches are locked, and so is OpenCC's handle.
public final class TraditionalConverter: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unavailable
        public var description: String {
            "无法打开 OpenCC(繁简转换),繁体版无法生成:请安装 libopencc 及其数据(Debian:apt-get install libopencc1.1 libopencc-data)"
        }
    }

    public let text: TraditionalText
    /// Pieces of pages already converted, by their Simplified bytes.
    let units = ConversionCache(capacity: 8 << 20)
    /// Pieces longer than this are not kept whole (a notice's clause is seen once or twice; its runs of
    /// text are kept by `text`'s cache all the same).
    static let largestUnit = 2_048
    /// Hashes of the pieces met once: a piece is kept only when it comes again, so the clauses of ten
    /// thousand notices, each on one page, do not fill the cache.
    private var seen: Set<Int> = []
    private let lock = NSLock()

    public init(forms: TraditionalForms = .none) throws {
        text = TraditionalText(forms: forms, cache: ConversionCache(capacity: 32 << 20))
        guard text.isAvailable else { throw Failure.unavailable }
    }

    /// Converts markup or plain text.
    public func convertMarkup(_ markup: String) -> String {
        var output: [UInt8] = []
        convert(Array(markup.utf8), into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the conversion of `unit` (Simplified UTF-8) to `output`.
    func convert(_ unit: [UInt8], into output: inout [UInt8]) {
        if unit.allSatisfy({ $0 < 0x80 }) { output += unit; return }
        let keep = unit.count <= Self.largestUnit
        if keep, let known = units.value(for: unit) { output += known; return }
        let start = output.count
        unit.withUnsafeBufferPointer { bytes in
            var copied = 0
            for range in ProtectedRanges.find(in: bytes) {
                text.convert(UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]), into: &output)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                copied = range.upperBound
            }
            text.convert(UnsafeBufferPointer(rebasing: bytes[copied...]), into: &output)
        }
        if keep, secondSighting(of: unit) { units.store(Array(output[start...]), for: unit) }
    }
}

extension TraditionalConverter {
    /// Whether `unit` was met before (and, if not, remembers it).
    private func secondSighting(of unit: [UInt8]) -> Bool {
        var hasher = Hasher()
        unit.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = hasher.finalize()
        lock.lock()
        defer { lock.unlock() }
        return !seen.insert(hash).inserted
    }

    /// The build's converter, with the content's table (Content/traditional.md), checked: each form
    /// must read back, converted to Simplified, as its word, so that a typo in the table cannot put a
    /// wrong character on every zh-Hant page. A form OpenCC already writes for the word alone is only
    /// reported (`warnings`): the line can go.
    static func forBuild(_ book: RuleBook, content: String, warnings: inout [String]) throws -> TraditionalConverter {
        let forms = book.traditionalForms ?? []
        let converter = try TraditionalConverter(
            forms: TraditionalForms(forms.map { .init(simplified: $0.simplified, traditional: $0.traditional) }))
        guard !forms.isEmpty else { return converter }
        guard let simplified = ScriptConverter(.toSimplified) else { throw Failure.unavailable }
        var problems: [String] = []
        for form in forms {
            let place = form.source.map { "\($0.path):\($0.line):\($0.column)" } ?? content + "/traditional.md"
            let back = simplified.convert(form.traditional)
            if back != form.simplified {
                problems.append(
                    "\(place): error: “\(form.traditional)”转成简体是“\(back)”,不是“\(form.simplified)”:请检查繁体写法(每个字都应是“\(form.simplified)”对应的繁体字)")
            } else if converter.text.openCC(form.simplified) == form.traditional {
                warnings.append("\(place): warning: OpenCC 已经把“\(form.simplified)”转成“\(form.traditional)”,这一行可以删去")
            }
        }
        // Named for the zh-Hant pages whichever step first needs a converter (notice.txt does): the
        // editor's fix is in the table those pages use.
        guard problems.isEmpty else { throw BuildFailure(step: "zh-Hant copies", lines: problems) }
        return converter
    }
}
