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

    let convert: @Sendable (String) -> String

    public init() throws {
        guard let converter = ScriptConverter.traditional else { throw Failure.unavailable }
        convert = { converter.convert($0) }
    }

    /// Converts markup (HTML, XML) or plain text; `name` only labels errors.
    public func convertMarkup(_ text: String, name: String) throws -> String {
        var shielded: [String] = []
        func shield(_ piece: Substring) -> String {
            shielded.append(String(piece))
            return "\u{E000}\(shielded.count - 1)\u{E001}"
        }
        var masked = ""
        var rest = Substring(text)
        let protected = #/(?:\b(?:href|src)="[^"]*")|(?:(?:https?|ftp|mailto|tel):[^\s"'<>\x{E000}]+)|(?:<(?<tag>[a-z0-9]+)\b[^>]*\btranslate="no"[^>]*>.*?</\k<tag>>)/#
            .dotMatchesNewlines()
        while let match = rest.firstMatch(of: protected) {
            masked += rest[rest.startIndex..<match.range.lowerBound]
            masked += shield(match.0)
            rest = rest[match.range.upperBound...]
        }
        masked += rest
        let converted = convert(masked)
        var output = ""
        var remaining = Substring(converted)
        var restored = 0
        while let match = remaining.firstMatch(of: #/\x{E000}(\d+)\x{E001}/#) {
            output += remaining[remaining.startIndex..<match.range.lowerBound]
            guard let index = Int(match.1), index < shielded.count else { throw Failure.shieldLost(name) }
            output += shielded[index]
            restored += 1
            remaining = remaining[match.range.upperBound...]
        }
        output += remaining
        guard restored == shielded.count else { throw Failure.shieldLost(name) }
        return output
    }
}
