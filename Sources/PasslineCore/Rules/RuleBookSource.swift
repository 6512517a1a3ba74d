import Foundation

/// Where a command gets its rules: the editors' Content/ or a published rules.json bundle (so a
/// helpdesk PC needs only the binary and the site's data).
public struct RuleBookSource: Sendable {
    public var content: String
    public var rules: String?

    public init(content: String, rules: String?) {
        self.content = content
        self.rules = rules
    }

    /// The rules, or `ContentErrors` naming the file and what is wrong with it in words the helpdesk
    /// can act on (never Foundation's or the JSON decoder's internal text).
    public func load() throws -> RuleBook {
        if let rules { return try Self.readRules(at: rules) }
        return try ContentLoader(directory: content).load().book
    }

    static func readRules(at path: String) throws -> RuleBook {
        func failure(_ message: String, line: Int = 1, column: Int = 1) -> ContentErrors {
            ContentErrors(diagnostics: [Diagnostic(path, line: line, column: column, message)])
        }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw failure("找不到这个文件:--rules 要指向网站生成的 rules.json(如 Site/rules.json)")
        }
        // attributesOfItem describes a symbolic link itself; what matters is what it points to.
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let type =
            (try? FileManager.default.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType ?? attributes[.type]
            as? FileAttributeType
        switch type {
        case .typeRegular?: break
        case .typeDirectory?: throw failure("这是一个文件夹,不是 rules.json 文件:--rules 要指向文件本身(如 Site/rules.json)")
        default: throw failure("这不是普通文件(是设备、管道或其他特殊文件):--rules 要指向网站生成的 rules.json")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: resolved))
        } catch {
            throw failure("读不出这个文件:检查它是否有读取权限")
        }
        guard !data.isEmpty else { throw failure("这个文件是空的:--rules 要指向网站生成的 rules.json(passline build 会写出它)") }
        do {
            return try RuleBook.decode(data)
        } catch let error as DecodingError {
            throw failure(message(for: error, data: data))
        } catch let errors as ContentErrors {
            throw ContentErrors(
                diagnostics: errors.diagnostics.map {
                    var d = $0; d.path = path; return d
                })
        } catch {
            throw failure("这个文件不是 Passline 的 rules.json:用 passline build 生成的 Site/rules.json")
        }
    }

    /// What a decoding failure means for the person who chose the file.
    private static func message(for error: DecodingError, data: Data) -> String {
        let notJSON = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) == nil
        if notJSON { return "这个文件不是 JSON,不是 Passline 的 rules.json:--rules 要指向 passline build 生成的 Site/rules.json" }
        let field: String
        switch error {
        case let .keyNotFound(key, context): field = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            field = context.codingPath.map(\.stringValue).joined(separator: ".")
        @unknown default: field = ""
        }
        let at = field.isEmpty ? "" : "(字段 '\(field)')"
        return "这个 JSON 文件不是这个版本的 Passline 能读的 rules.json\(at):用同一版本的 passline build 重新生成 Site/rules.json"
    }
}
