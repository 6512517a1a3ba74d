/// A path inside the site, checked before anything is written under it.
///
/// Page paths are made from content (a notice's id becomes `notice-<id>.html`). Whatever the loader
/// lets through, the writer only accepts a relative path of plain names: no `..` or `.`, no empty
/// part, no leading `/`, no NUL, no backslash. Together with writing relative to folders opened
/// without following symlinks (`FolderHandles`), nothing a build makes can land outside the output.
enum SitePath {
    /// The folder parts and the file name of `path`, or a failure naming it.
    static func split(_ path: String) throws(PublishFailure) -> (folders: [String], name: String) {
        let refuse = { (why: String) in
            PublishFailure(
                path: path.isEmpty ? "(空路径)" : path, action: "写入网站文件", reason: why,
                fix: "网站文件名来自内容里的 id;请把 id 改成只含小写字母、数字和连字符的名字")
        }
        guard !path.isEmpty else { throw refuse("文件路径是空的") }
        guard !path.hasPrefix("/") else { throw refuse("这是绝对路径,会写到输出文件夹之外") }
        guard !path.utf8.contains(0) else { throw refuse("路径里有 NUL 字符") }
        guard !path.contains("\\") else { throw refuse("路径里有反斜杠") }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts {
            if part.isEmpty { throw refuse("路径里有空的一段(// 或以 / 结尾)") }
            if part == ".." { throw refuse("路径里有 ..,会指向输出文件夹之外") }
            if part == "." { throw refuse("路径里有 .") }
            if part.utf8.count > 255 { throw refuse("文件名超过 255 字节") }
        }
        return (Array(parts.dropLast()), parts.last!)
    }
}
