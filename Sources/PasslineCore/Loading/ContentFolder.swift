import Foundation

extension ContentLoader {
    /// Every content file under the root, sorted by path, and a diagnostic for every entry that is not
    /// read: nothing in the folder is silently skipped. A symbolic link is followed only when it
    /// resolves inside the content folder (so a build can never publish `/etc/passwd`); a link loop
    /// is walked once.
    func listFiles(log: DiagnosticLog) -> [(String, URL)] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            log.error(displayRoot, (1, 1), "找不到内容文件夹 '\(displayRoot)':用 --content 指定 Content/ 所在的文件夹")
            return []
        }
        guard isDirectory.boolValue, let base = Self.realPath(root.path) else {
            log.error(displayRoot, (1, 1), "'\(displayRoot)' 不是文件夹:--content 要指向 Content/ 这样的文件夹")
            return []
        }
        var found: [(String, URL)] = []
        var visited: Set<String> = [base]
        var pending: [(relative: String, path: String)] = [("", base)]
        while let (relative, directory) = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: directory) else {
                log.error(relative.isEmpty ? displayRoot : displayRoot + "/" + relative, (1, 1), "读不出这个文件夹:检查它的权限")
                continue
            }
            for name in names.sorted() {
                let entry = relative.isEmpty ? name : relative + "/" + name
                let shown = displayRoot + "/" + entry
                var path = directory + "/" + name
                var kind = FileKind.of(path, following: false)
                if kind == .symbolicLink {
                    guard let target = Self.realPath(path) else {
                        log.error(shown, (1, 1), "这个符号链接指向的文件不存在:删掉它,或让它指向 \(displayRoot) 里的文件")
                        continue
                    }
                    guard target == base || target.hasPrefix(base + "/") else {
                        log.error(shown, (1, 1), "这个符号链接指向内容文件夹之外的 '\(target)':Passline 只发布 \(displayRoot) 里的文件,把文件复制进来,或删掉链接")
                        continue
                    }
                    path = target
                    kind = FileKind.of(target)
                }
                if kind == .directory {
                    if name.hasPrefix(".") {
                        log.warning(shown, (1, 1), "以点开头的文件夹不会被读取:里面的内容不会发布")
                    } else if visited.insert(path).inserted {
                        pending.append((entry, path))
                    }
                    continue
                }
                switch ContentFileName(name) {
                case .content:
                    // Only regular files are read, or even opened: a pipe would block every reader.
                    guard case .regular = kind else {
                        log.error(shown, (1, 1), "这不是普通文件(管道或其他特殊文件):内容文件夹里只放 .md 文件")
                        continue
                    }
                    found.append((entry, URL(fileURLWithPath: path)))
                case .ignoredQuietly:
                    continue
                case let .misnamed(message):
                    log.error(shown, (1, 1), message)
                case let .other(message):
                    log.warning(shown, (1, 1), message)
                }
            }
        }
        if found.isEmpty && !log.hasErrors {
            log.error(displayRoot, (1, 1), "'\(displayRoot)' 里没有内容文件(.md):--content 是否指错了文件夹?")
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The absolute path with every symbolic link resolved, or `nil` if it does not resolve.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// What the loader does with a file, by its name: read it, say why it is not read, or (for the files
/// operating systems leave everywhere) nothing.
enum ContentFileName: Equatable {
    case content
    /// Looks like content but would not be read (`x.MD`, `.x.md`): an error, or the text is lost.
    case misnamed(String)
    /// Any other file: a warning that it is not read.
    case other(String)
    case ignoredQuietly

    static let systemFiles: Set<String> = [".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", ".gitignore"]

    init(_ name: String) {
        let lower = name.lowercased()
        let markdown = [".md", ".markdown", ".mdown", ".mkd"].first { lower.hasSuffix($0) }
        if Self.systemFiles.contains(name) {
            self = .ignoredQuietly
        } else if name.hasPrefix(".") && markdown != nil {
            self = .misnamed("以点开头的文件不会被读取:如果这是内容,改名为 '\(name.drop { $0 == "." })';否则把它移出内容文件夹")
        } else if name.hasSuffix(".md") {
            self = .content
        } else if let markdown {
            let stem = name.dropLast(markdown.count)
            self = .misnamed("Passline 只读扩展名为小写 .md 的文件,这个文件不会被读取:改名为 '\(stem).md'")
        } else {
            self = .other("这不是 .md 文件,Passline 不读它:如果这是内容,改成 .md 文件;否则把它移出内容文件夹")
        }
    }
}
