import ChineseScript

/// Step 2: Simplified characters restored with OpenCC (Traditional → Simplified, by phrase).
///
/// Reposts are often converted to Traditional; the official text, and so `Content/`, is Simplified.
/// Text already in Simplified comes back unchanged, which the report says.
public enum ScriptRestoration {
    public struct Result: Sendable, Hashable {
        public var lines: [String]
        /// How many characters OpenCC changed (0: the text was already Simplified).
        public var changedCharacters: Int
    }

    public static func restore(_ lines: [String]) throws -> Result {
        guard let converter = ScriptConverter.simplified else {
            throw ImportFailure(message: "OpenCC 打不开(缺少 libopencc 的数据文件):运行 scripts/deps.sh 安装后再导入")
        }
        var changed = 0
        let restored = lines.map { line -> String in
            let simplified = converter.convert(line)
            if simplified != line { changed += zip(line, simplified).filter { $0 != $1 }.count + abs(line.count - simplified.count) }
            return simplified
        }
        return Result(lines: restored, changedCharacters: changed)
    }
}
