import ChineseScript
import Foundation
import PasslineCore

/// Turns a rendered zh-Hans page into its zh-Hant twin with OpenCC, leaving alone what must not change.
///
/// OpenCC never alters ASCII, so markup, ids and JSON syntax survive as they are. Three things are
/// shielded explicitly: `href`/`src` values and URL-like text (a URL may carry Chinese that must stay
/// byte-exact), and the content of an element marked `translate="no"` (the script switch, whose
/// label names the other script and must keep its own characters).
public struct TraditionalConverter: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unavailable
        case shieldLost(String)
        public var description: String {
            switch self {
            case .unavailable: "OpenCC could not be opened (is libopencc's data installed?)"
            case let .shieldLost(page): "OpenCC altered a protected part of \(page)"
            }
        }
    }

    let opencc: @Sendable (String) -> String
    /// Runs already converted, by their Simplified text: a page's navigation, footer and boilerplate
    /// are converted once per build, not once per page.
    let cache = TextCache(capacity: 100_000)

    public init() throws {
        guard let converter = ScriptConverter.traditional else { throw Failure.unavailable }
        opencc = { converter.convert($0) }
    }

    /// A converter with its own OpenCC handle, for converting pages on several threads at once (the
    /// shared one serialises its callers).
    public init(ownHandle: Bool) throws {
        guard let converter = ownHandle ? ScriptConverter(.toTraditional) : ScriptConverter.traditional else { throw Failure.unavailable }
        opencc = { converter.convert($0) }
    }

    /// OpenCC's conversion of `text`, with its ASCII kept out of OpenCC and its repeated text
    /// converted once.
    ///
    /// OpenCC looks up every character of its input in its phrase dictionary, markup included, and
    /// every page repeats the same navigation and footer. No key of the s2t dictionaries (STPhrases,
    /// STCharacters) contains an ASCII character or a private-use one, so no phrase match can span
    /// either, and the conversion of a text is that of each of its non-ASCII runs, ASCII left as it is.
    /// So each run is looked up in a cache of converted runs; the runs not seen before are joined by
    /// U+E002 (private use, in no dictionary) and converted in one OpenCC call, then split again. Text
    /// that already holds U+E002, or a result that does not split back, is converted whole.
    func convert(_ text: String) -> String {
        var source = text
        let result: String? = source.withUTF8 { bytes in
            // The runs: ASCII ones are kept as they are, the others converted.
            var runs: [(range: Range<Int>, ascii: Bool)] = []
            var index = 0
            while index < bytes.count {
                let start = index, ascii = bytes[index] < 0x80
                while index < bytes.count, (bytes[index] < 0x80) == ascii {
                    if !ascii, ByteScan.has(Self.separator, in: bytes, at: index) { return nil }
                    index += 1
                }
                runs.append((start..<index, ascii))
            }
            var converted: [String?] = runs.map { run in run.ascii ? nil : cache.value(for: ByteScan.string(bytes, run.range)) }
            let missing = runs.indices.filter { !runs[$0].ascii && converted[$0] == nil }
            if !missing.isEmpty {
                var joined = [UInt8]()
                for (offset, run) in missing.enumerated() {
                    if offset > 0 { joined += Self.separator }
                    joined += UnsafeBufferPointer(rebasing: bytes[runs[run].range])
                }
                let pieces = opencc(String(decoding: joined, as: UTF8.self)).split(separator: "\u{E002}", omittingEmptySubsequences: false)
                guard pieces.count == missing.count else { return nil }
                for (run, piece) in zip(missing, pieces) {
                    converted[run] = String(piece)
                    cache.store(String(piece), for: ByteScan.string(bytes, runs[run].range))
                }
            }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count + 64)
            for (index, run) in runs.enumerated() {
                if run.ascii { output += UnsafeBufferPointer(rebasing: bytes[run.range]) } else { output += converted[index]!.utf8 }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return result ?? opencc(text)
    }

    /// U+E002 in UTF-8: between the runs handed to OpenCC together.
    private static let separator: [UInt8] = [0xEE, 0x80, 0x82]

    /// Converts markup (HTML, XML) or plain text; `name` only labels errors.
    ///
    /// Protected pieces are found by one scan of the bytes (`ProtectedRanges`) and replaced by
    /// placeholders (U+E000 n U+E001, private-use characters OpenCC leaves alone), the rest is
    /// converted in one call, and the pieces are put back.
    public func convertMarkup(_ text: String, name: String) throws -> String {
        var source = text
        let (masked, shielded) = source.withUTF8 { bytes -> (String, [String]) in
            var masked = [UInt8]()
            masked.reserveCapacity(bytes.count)
            var shielded: [String] = []
            var copied = 0
            for range in ProtectedRanges.find(in: bytes) {
                masked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<range.lowerBound]))
                masked.append(contentsOf: ProtectedRanges.open)
                masked.append(contentsOf: String(shielded.count).utf8)
                masked.append(contentsOf: ProtectedRanges.close)
                shielded.append(ByteScan.string(bytes, range))
                copied = range.upperBound
            }
            masked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return (String(decoding: masked, as: UTF8.self), shielded)
        }
        guard !shielded.isEmpty else { return convert(masked) }
        var converted = convert(masked)
        return try converted.withUTF8 { bytes in
            var output = [UInt8]()
            output.reserveCapacity(bytes.count + 64)
            var index = 0, restored = 0
            while let open = ByteScan.find(ProtectedRanges.open, in: bytes, from: index) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<open]))
                var end = open + ProtectedRanges.open.count, number = 0, digits = 0
                while end < bytes.count, bytes[end] >= 0x30, bytes[end] <= 0x39 { number = number * 10 + Int(bytes[end] - 0x30); end += 1; digits += 1 }
                guard digits > 0, number < shielded.count, ByteScan.has(ProtectedRanges.close, in: bytes, at: end) else { throw Failure.shieldLost(name) }
                output.append(contentsOf: shielded[number].utf8)
                restored += 1
                index = end + ProtectedRanges.close.count
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index...]))
            guard restored == shielded.count else { throw Failure.shieldLost(name) }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

