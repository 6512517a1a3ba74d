import CYaml

/// What front matter may not hold: aliases (`*name`, and the anchors `&name` they refer to) and
/// nesting deeper than `ContentLimits.yamlDepth`.
///
/// An alias makes one node appear many times; a few lines of anchors and aliases stand for billions
/// of values (an "alias bomb"), and walking them kept `check` running past a minute. Yams composes
/// recursively, so a flow list nested 100,000 levels deep would overflow the stack. Content never
/// needs either: every value is written out where it is used.
///
/// Aliases are found before Yams builds a tree, in libyaml's event stream (the parser under Yams),
/// which is flat and costs one pass over the text; only YAML with a `&` or `*` in it can have one, so
/// other front matter is not scanned twice. Nesting is bounded by libyaml itself, whose limit is set
/// to `ContentLimits.yamlDepth` before any front matter is parsed (`limitNesting`): Yams's compose then
/// stops with the error this type names `tooDeep`.
enum FrontMatterGuard {
    /// Sets libyaml's nesting limit, once per process, before the first parse (a global in libyaml).
    static let limitNesting: Void = { yaml_set_max_nest_level(Int32(ContentLimits.yamlDepth)) }()

    /// Whether a libyaml problem is its nesting limit.
    static func isNestingLimit(_ problem: String) -> Bool { problem.hasPrefix("Maximum nesting level") }

    struct Problem {
        /// 1-based line and column within the YAML text.
        var line: Int
        var column: Int
        var message: String
    }

    /// The first alias, anchor or over-deep node in `yaml`; `nil` if there is none. A syntax error
    /// ends the scan without a problem: Yams reports it, with its place, when it composes.
    static func problem(in yaml: String) -> Problem? {
        _ = limitNesting
        guard yaml.utf8.contains(where: { $0 == 0x26 || $0 == 0x2A }) else { return nil }
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Problem? in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, start, bytes.count)
            var depth = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml's own nesting limit stops deep flow lists before they reach ours.
                    let problem = parser.problem.map { String(cString: $0) } ?? ""
                    guard isNestingLimit(problem) else { return nil }
                    return Problem(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1, message: tooDeep)
                }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
                var anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_ALIAS_EVENT:
                    let name = text(event.data.alias.anchor)
                    return Problem(line: line, column: column, message: "这里用了 YAML 别名 '*\(name)':内容文件里不能用别名和锚点(&、*),把值直接写出来")
                case YAML_SCALAR_EVENT:
                    anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    depth += 1
                    if depth > ContentLimits.yamlDepth {
                        return Problem(line: line, column: column, message: tooDeep)
                    }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    depth -= 1
                default:
                    break
                }
                if let anchor {
                    return Problem(line: line, column: column, message: "这里用了 YAML 锚点 '&\(text(anchor))':内容文件里不能用锚点和别名(&、*),把值直接写出来")
                }
            }
        }
    }

    /// A key followed by a full-width colon (`senior：41`, natural on a Chinese keyboard): YAML sees
    /// no key there and reports a puzzling error on another line, so when YAML fails this names the
    /// colon on its own line. (Where YAML reads `key：value` as a key, `Fields.finish` names it.)
    static func fullWidthColon(in yaml: String) -> Problem? {
        guard yaml.contains("：") else { return nil }
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains("：") {
            let characters = Array(line)
            for (position, character) in characters.enumerated() where character == "：" {
                var start = position
                while start > 0, characters[start - 1] == " " { start -= 1 }
                let keyEnd = start
                while start > 0, characters[start - 1].isASCII,
                    characters[start - 1].isLetter || characters[start - 1].isNumber || "_-.".contains(characters[start - 1])
                { start -= 1 }
                guard start < keyEnd, characters[start].isLetter else { continue }
                var before = start
                while before > 0, characters[before - 1] == " " { before -= 1 }
                guard before == 0 || "{,-".contains(characters[before - 1]) else { continue }
                let key = String(characters[start..<keyEnd])
                let value = String(characters[(position + 1)...].prefix { $0 != "," && $0 != "}" }).trimmingSpaces
                return Problem(
                    line: index + 1, column: position + 1,
                    message: "'\(key)' 后面的冒号是全角的 '：',YAML 只认半角冒号 ':':改成 '\(key): \(value.shown)'(半角冒号,后面空一格)")
            }
        }
        return nil
    }

    static let tooDeep = "文件头在这里嵌套超过 \(ContentLimits.yamlDepth) 层:内容文件用不到这么深的结构,检查缩进和括号"

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        let name = String(cString: pointer)
        return name.count > 40 ? String(name.prefix(40)) + "…" : name
    }
}
