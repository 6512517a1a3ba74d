/// Which addresses content may put on a page. Links are allow-listed where content becomes HTML:
/// `https:`, `http:`, `mailto:`, `tel:` and relative links to the site's own pages. Anything else
/// (`javascript:`, `data:`, `vbscript:`, `file:`, …) is an error at its line, never a live link; and
/// nothing is loaded from elsewhere (images are refused by `BodyCheck`).
///
/// The scheme is read the way a browser reads it (WHATWG URL parsing): leading and trailing spaces and
/// control characters dropped, tabs and line breaks inside removed, letters compared without case, so
/// `JaVa\tScRiPt:` is `javascript:` here too.
public enum LinkPolicy {
    public static let allowedSchemes: Set<String> = ["https", "http", "mailto", "tel"]

    /// Why `destination` may not be a link on the site, or `nil` if it may.
    public static func problem(link destination: String) -> String? {
        let url = normalised(destination)
        if let scheme = scheme(of: url) {
            guard allowedSchemes.contains(scheme) else {
                return "链接地址 '\(destination.shown)' 用了 '\(scheme):':网站上的链接只能是 https:、http:、mailto:、tel: 或站内页面的相对地址:删掉它,或换成网址"
            }
            return problem(absolute: url, scheme: scheme, written: destination)
        }
        if url.hasPrefix("//") || url.hasPrefix("\\") || url.hasPrefix("/\\") {
            return "链接地址 '\(destination.shown)' 会指向别的网站:写完整的网址,如 https://www.ruankao.org.cn/"
        }
        if url.contains("\\") {
            return "链接地址 '\(destination.shown)' 里有反斜杠 '\\':地址里用 '/'"
        }
        return nil
    }

    /// Why `url` may not be a page address (a source's `url`, a notice's `source_url`, an exam's
    /// website): those are always a full `https://` or `http://` address.
    public static func problem(address url: String) -> String? {
        let normal = normalised(url)
        guard let scheme = scheme(of: normal), scheme == "https" || scheme == "http" else {
            return "网址 '\(url.shown)' 要以 https:// 或 http:// 开头:写出完整的网址,如 https://www.ruankao.org.cn/"
        }
        return problem(absolute: normal, scheme: scheme, written: url)
    }

    /// The scheme of a URL, lowercased (`https`), or `nil` for a relative reference.
    public static func scheme(of url: String) -> String? {
        var bytes: [UInt8] = []
        for byte in url.utf8 {
            if byte == 0x3A { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self).lowercased() }
            let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let other = (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            guard letter || (!bytes.isEmpty && other) else { return nil }
            bytes.append(byte)
        }
        return nil
    }

    /// What a browser parses: no leading or trailing C0 control or space, no tab or line break inside.
    static func normalised(_ url: String) -> String {
        // Almost every address has nothing to remove.
        if let first = url.utf8.first, let last = url.utf8.last, first > 0x20, last > 0x20,
            !url.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
        {
            return url
        }
        let scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let isEdge: (Unicode.Scalar) -> Bool = { $0.value <= 0x20 }
        let trimmed = scalars.drop(while: isEdge).reversed().drop(while: isEdge).reversed()
        return String(String.UnicodeScalarView(trimmed))
    }

    private static func problem(absolute url: String, scheme: String, written: String) -> String? {
        let rest = url.dropFirst(scheme.count + 1)
        switch scheme {
        case "https", "http":
            let host = rest.hasPrefix("//") ? rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" } : ""
            return host.isEmpty ? "网址 '\(written.shown)' 没有网站名:写完整的网址,如 https://www.ruankao.org.cn/" : nil
        default:
            return rest.isEmpty ? "'\(written.shown)' 后面没有地址或号码:补上,或删掉这个链接" : nil
        }
    }
}
