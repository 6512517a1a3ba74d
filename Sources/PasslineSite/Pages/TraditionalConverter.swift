import ChineseScript
import Foundation

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

    /// OpenCC's conversion of `text`, with its ASCII runs kept out of OpenCC.
    ///
    /// OpenCC looks up every character of its input in its phrase dictionary, markup included: most of
    /// a page's characters, and most of the conversion's time. No key of the s2t dictionaries
    /// (STPhrases, STCharacters) contains an ASCII character, so no phrase match can span one, and the
    /// conversion of a text is that of its non-ASCII runs with the ASCII left as it is. Each ASCII run
    /// is therefore handed to OpenCC as one private-use character (U+E002, in no dictionary), and put
    /// back afterwards. Text that already holds U+E002 is converted whole.
    func convert(_ text: String) -> String {
        var source = text
        let compacted: (text: String, runs: [Range<Int>])? = source.withUTF8 { bytes in
            var output = [UInt8]()
            output.reserveCapacity(bytes.count / 2)
            var runs: [Range<Int>] = []
            var index = 0
            while index < bytes.count {
                if bytes[index] < 0x80 {
                    let start = index
                    while index < bytes.count, bytes[index] < 0x80 { index += 1 }
                    runs.append(start..<index)
                    output.append(contentsOf: Self.asciiRun)
                } else {
                    if ByteScan.has(Self.asciiRun, in: bytes, at: index) { return nil }
                    output.append(bytes[index])
                    index += 1
                }
            }
            return (String(decoding: output, as: UTF8.self), runs)
        }
        guard let compacted, !compacted.runs.isEmpty else { return opencc(text) }
        var converted = opencc(compacted.text)
        let expanded: String? = converted.withUTF8 { bytes in
            source.withUTF8 { original in
                var output = [UInt8]()
                output.reserveCapacity(original.count + 64)
                var index = 0, run = 0
                while index < bytes.count {
                    if ByteScan.has(Self.asciiRun, in: bytes, at: index) {
                        guard run < compacted.runs.count else { return nil }
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: original[compacted.runs[run]]))
                        run += 1
                        index += Self.asciiRun.count
                    } else {
                        output.append(bytes[index])
                        index += 1
                    }
                }
                return run == compacted.runs.count ? String(decoding: output, as: UTF8.self) : nil
            }
        }
        return expanded ?? opencc(text)
    }

    /// U+E002 in UTF-8: where a run of ASCII stood.
    private static let asciiRun: [UInt8] = [0xEE, 0x80, 0x82]

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
