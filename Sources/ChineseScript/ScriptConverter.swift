import COpenCC
import Foundation

/// Converts Chinese text between Simplified and Traditional characters with OpenCC.
///
/// Content is written once, in Simplified (the notice's official script); readers and callers who use
/// Traditional get a converted copy. OpenCC handles phrases, not only characters (`头发` → `頭髮`),
/// which is why Passline uses it rather than a character table of its own. Text for readers goes
/// through `TraditionalText`, which adds the content's own forms (`TraditionalForms`) to this.
public final class ScriptConverter: @unchecked Sendable {
    /// The direction of a conversion, named by OpenCC's bundled configuration files.
    ///
    /// Simplified → Traditional is `s2tw`: Taiwan's standard character forms (為, 裡, 著, 核實, 審核),
    /// which readers in Taiwan and Hong Kong read, not OpenCC's own `s2t` forms (爲, 裏, 覈實, 審覈, 纔)
    /// that neither uses; and not `s2twp`, whose Taiwan vocabulary would rewrite the notice's words and
    /// official names (信息系统项目管理师 → 資訊系統專案管理師). See docs/traditional-chinese.md.
    public enum Direction: String, Sendable {
        case toTraditional = "s2tw.json"
        case toSimplified = "t2s.json"
    }

    private let handle: opencc_t?
    private let lock = NSLock()

    /// Opens OpenCC with its bundled configuration; `nil` when OpenCC's data files are missing.
    public init?(_ direction: Direction) {
        let opened = opencc_open(Self.configuration(direction.rawValue))
        // opencc_open returns (opencc_t)-1 on failure.
        guard let opened, Int(bitPattern: opened) != -1 else { return nil }
        handle = opened
    }

    deinit {
        if let handle { opencc_close(handle) }
    }

    /// Where OpenCC reads a configuration: the copy a release ships beside the executable
    /// (`share/opencc/`, see scripts/dist.sh; its dictionaries are found next to it) when there is one,
    /// so a machine without OpenCC's data package converts too; else the bare name, which OpenCC looks
    /// up in its installed data directory.
    static func configuration(_ name: String) -> String {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return name }
        let shipped = executable.deletingLastPathComponent().appendingPathComponent("share/opencc/" + name).path
        return FileManager.default.fileExists(atPath: shipped) ? shipped : name
    }

    /// The converted text; the input unchanged if OpenCC fails on it.
    public func convert(_ text: String) -> String {
        guard let handle, !text.isEmpty else { return text }
        lock.lock()
        defer { lock.unlock() }
        return text.withCString { pointer in
            guard let out = opencc_convert_utf8(handle, pointer, strlen(pointer)) else { return text }
            defer { opencc_convert_utf8_free(out) }
            return String(cString: out)
        }
    }

    /// Shared converters, opened on first use.
    public static let traditional = ScriptConverter(.toTraditional)
    public static let simplified = ScriptConverter(.toSimplified)
}
