import Yams

/// Reads Content/traditional.md: `forms:`, a mapping from a word as Content writes it to its
/// Traditional form, in file order.
///
/// Only the shape is checked here (texts, no ASCII in a word, no empty form; a word twice is a duplicate key): whether a
/// form reads back as its word needs OpenCC, which the site's build checks when it converts (see
/// `TraditionalForms` in ChineseScript), so that loading content for the bot stays quick.
enum TraditionalFormsReader {
    static func read(_ file: ContentFile, log: DiagnosticLog) -> [TraditionalForm] {
        guard var fields = Fields(file.frontMatter, path: file.path, log: log, what: "front matter") else { return [] }
        var forms: [TraditionalForm] = []
        // A word listed twice is refused by the YAML reader already (a duplicate key).
        if var map = fields.mapping("forms") {
            for (word, keyNode, value) in map.entries {
                map.markUsed([word])
                let at = Fields.location(of: keyNode)
                guard let form = value.string?.trimmingCharacters(in: .whitespaces), !form.isEmpty else {
                    log.error(file.path, Fields.location(of: value), "“\(word)”的繁体写法必须是一段文字,如 岳普湖: 岳普湖")
                    continue
                }
                guard !word.isEmpty, !word.utf8.contains(where: { $0 < 0x80 }) else {
                    log.error(file.path, at, "“\(word)”含有空格、字母、数字或英文标点:这里只列汉字词语(繁体转换不会改动这些字符)")
                    continue
                }
                forms.append(
                    TraditionalForm(
                        simplified: word, traditional: form, source: SourceLocation(path: file.path, line: at.line, column: at.column)))
            }
        }
        fields.finish()
        return forms
    }
}
