import Foundation

/// Simplified → Traditional as Passline publishes it: OpenCC with `s2tw` (see
/// docs/traditional-chinese.md for why), the content's own forms for the words it lists
/// (`TraditionalForms`), and each distinct run of text converted once (`ConversionCache`). The site's
/// zh-Hant pages and the bot's Traditional answers both come from here, so they always agree.
///
/// The text is cut into runs of non-ASCII characters; ASCII is copied as it is. No key of OpenCC's
/// dictionaries holds an ASCII character, so no phrase spans one, and converting each run on its own
/// is converting the whole text (a test holds every page to that). Runs met before come from the
/// cache; the others are cut where the table's words are, and the remaining pieces go to OpenCC in one
/// call, joined by U+E002 (private use, in no dictionary), then split again.
public final class TraditionalText: @unchecked Sendable {
    /// The OpenCC configuration file: Taiwan's standard character forms (為, 裡, 著, 核), without
    /// `s2twp`'s Taiwan vocabulary, which would rewrite official names (软件 → 軟體, 项目 → 專案).
    public static let configuration = ScriptConverter.Direction.toTraditional.rawValue

    public let forms: TraditionalForms
    /// Runs already converted.
    public let cache: ConversionCache
    /// OpenCC, opened on first use: its dictionary takes milliseconds to load, which a bot answering
    /// in Simplified never needs to spend.
    private var handle: ScriptConverter??
    private let lock = NSLock()

    public init(forms: TraditionalForms = .none, cache: ConversionCache = ConversionCache()) {
        self.forms = forms
        self.cache = cache
    }

    /// Whether OpenCC and its data are there (without them text is left as it is).
    public var isAvailable: Bool { opencc != nil }

    private var opencc: ScriptConverter? {
        lock.lock()
        defer { lock.unlock() }
        if let handle { return handle }
        let opened = ScriptConverter(.toTraditional)
        handle = .some(opened)
        return opened
    }

    /// What identifies the conversion, for a cache kept across builds: the same fingerprint, the
    /// same output for the same input.
    public var fingerprint: String {
        var hasher = FNV()
        for form in forms.forms { hasher.add(form.simplified); hasher.add("\u{0}"); hasher.add(form.traditional); hasher.add("\u{1}") }
        return "\(Self.configuration)+forms:\(String(hasher.value, radix: 16))"
    }

    public func convert(_ text: String) -> String {
        var text = text
        return text.withUTF8 { source in
            var output: [UInt8] = []
            output.reserveCapacity(source.count + 16)
            convert(source, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// OpenCC alone on the whole text, without the table or the cache (what tests compare with).
    public func openCC(_ text: String) -> String { opencc?.convert(text) ?? text }

    /// Appends the conversion of `source` to `output`.
    public func convert(_ source: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var runs: [Range<Int>] = []
        var index = 0
        while index < source.count {
            guard source[index] >= 0x80 else { index += 1; continue }
            let start = index
            while index < source.count, source[index] >= 0x80 { index += 1 }
            runs.append(start..<index)
        }
        guard !runs.isEmpty else { output.append(contentsOf: source); return }
        var converted = cache.values(for: runs, in: source)
        let missing = runs.indices.filter { converted[$0] == nil }
        if !missing.isEmpty {
            for (run, result) in zip(missing, convertRuns(missing.map { UnsafeBufferPointer(rebasing: source[runs[$0]]) })) {
                converted[run] = result
                cache.store(result, for: Array(UnsafeBufferPointer(rebasing: source[runs[run]])))
            }
        }
        var copied = 0
        for (run, result) in zip(runs, converted) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<run.lowerBound]))
            output += result!
            copied = run.upperBound
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
    }

    /// U+E002 in UTF-8: between the pieces handed to OpenCC together.
    private static let separator: [UInt8] = [0xEE, 0x80, 0x82]

    /// Each run converted: the table's words replaced, the rest through OpenCC in one call.
    private func convertRuns(_ runs: [UnsafeBufferPointer<UInt8>]) -> [[UInt8]] {
        let pieces = runs.map(forms.pieces)
        var texts: [UnsafeBufferPointer<UInt8>] = []
        for (run, cut) in zip(runs, pieces) {
            for piece in cut where piece.form == nil { texts.append(UnsafeBufferPointer(rebasing: run[piece.range])) }
        }
        let results = convertTogether(texts)
        var next = 0
        return zip(runs, pieces).map { run, cut in
            var result: [UInt8] = []
            result.reserveCapacity(run.count)
            for piece in cut {
                if let form = piece.form { result += form } else { result += results[next]; next += 1 }
            }
            return result
        }
    }

    /// OpenCC's conversion of each text, in one call where the separator allows it.
    private func convertTogether(_ texts: [UnsafeBufferPointer<UInt8>]) -> [[UInt8]] {
        guard let opencc else { return texts.map { Array($0) } }
        guard texts.count > 1, !texts.contains(where: { Self.contains(Self.separator, in: $0) }) else {
            return texts.map { Array(opencc.convert(String(decoding: $0, as: UTF8.self)).utf8) }
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(texts.reduce(0) { $0 + $1.count + 3 })
        for (index, text) in texts.enumerated() {
            if index > 0 { joined += Self.separator }
            joined.append(contentsOf: text)
        }
        let converted = Array(opencc.convert(String(decoding: joined, as: UTF8.self)).utf8)
        var results: [[UInt8]] = []
        results.reserveCapacity(texts.count)
        var start = 0, index = 0
        while index + Self.separator.count <= converted.count {
            if converted[index] == 0xEE, converted[index + 1] == 0x80, converted[index + 2] == 0x82 {
                results.append(Array(converted[start..<index]))
                index += 3
                start = index
            } else {
                index += 1
            }
        }
        results.append(Array(converted[start...]))
        guard results.count == texts.count else {
            return texts.map { Array(opencc.convert(String(decoding: $0, as: UTF8.self)).utf8) }
        }
        return results
    }

    private static func contains(_ literal: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= literal.count else { return false }
        for index in 0...(bytes.count - literal.count) where bytes[index] == literal[0] {
            if bytes[index + 1] == literal[1], bytes[index + 2] == literal[2] { return true }
        }
        return false
    }
}

/// FNV-1a, 64 bits: a stable digest (Swift's `Hasher` is seeded per process).
struct FNV {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }
}
