import Foundation

/// Step 4: where the notice starts and ends in the file.
///
/// A repost wraps the notice: its own introduction before the title, page furniture (发布时间, 来源)
/// between the title and the text, and after the signature its advertising. The notice is the title
/// (the last line before `一、` that reads like one, e.g. 关于……的通知), an optional addressee line ending
/// in a colon, the text, and the signature: the issuer's line and a line holding only the day. What
/// follows the signature is cut, after reading the address a repost gives of its original (原文地址).
public struct NoticeBounds: Sendable, Hashable {
    /// Lines before the title (a repost's introduction), dropped.
    public var head: [String] = []
    public var title: String?
    /// Lines between the title and the text that a web page adds, dropped.
    public var pageLines: [String] = []
    /// The document number (文号) line, if the notice has one; the format has no place for it.
    public var documentNumber: String?
    public var addressee: String?
    public var body: [String] = []
    public var issuer: String?
    public var signatureDay: NoticeDay?
    /// The signature's day as written, e.g. `2025年1月15日`.
    public var signatureText: String?
    /// Lines after the signature (a repost's advertising), dropped.
    public var tail: [String] = []
    /// The address the tail gives of the original page, e.g. after 原文地址:.
    public var tailAddress: String?

    public static func find(in lines: [String], phrasing: Phrasing) -> NoticeBounds {
        var bounds = NoticeBounds()
        let firstSection = lines.firstIndex { NoticeGrammar.section($0) != nil }
        let searchEnd = firstSection ?? lines.count

        // The title: the last title-like line (or pair of lines) before the first section.
        var titleRange: Range<Int>?
        for i in (0..<searchEnd).reversed() {
            if isTitle(lines[i], phrasing) {
                titleRange = i..<(i + 1)
            } else if i + 1 < searchEnd, startsTitle(lines[i], phrasing), endsTitle(lines[i + 1], phrasing),
                !NoticeGrammar.hasSentencePunctuation(lines[i] + lines[i + 1])
            {
                titleRange = i..<(i + 2)
            }
            if titleRange != nil { break }
        }
        var start = 0
        if let range = titleRange {
            bounds.head = Array(lines[..<range.lowerBound])
            bounds.title = lines[range].joined()
            start = range.upperBound
            // Page furniture and the document number, then the addressee.
            while start < searchEnd {
                let line = lines[start]
                if phrasing.pageLines.contains(where: { line.hasPrefix($0) }) {
                    bounds.pageLines.append(line)
                } else if bounds.documentNumber == nil, isDocumentNumber(line) {
                    bounds.documentNumber = line
                } else {
                    break
                }
                start += 1
            }
            if start < searchEnd, let addressee = addressee(lines[start]) {
                bounds.addressee = addressee
                start += 1
            }
        }

        // The signature: the first line after the numbered text that is only a day.
        var end = lines.count
        for i in max(start, firstSection ?? start)..<lines.count {
            if let day = NoticeGrammar.dayLine(lines[i]) {
                bounds.signatureDay = day
                bounds.signatureText = lines[i]
                bounds.tail = Array(lines[(i + 1)...])
                end = i
                if i > start, isIssuer(lines[i - 1]) {
                    bounds.issuer = lines[i - 1]
                    end = i - 1
                }
                break
            }
            // The issuer and the day on one line: 工业和信息化部教育与考试中心 2025年1月15日.
            if let (issuer, day, text) = issuerAndDay(lines[i]) {
                bounds.issuer = issuer
                bounds.signatureDay = day
                bounds.signatureText = text
                bounds.tail = Array(lines[(i + 1)...])
                end = i
                break
            }
        }
        bounds.body = start < end ? Array(lines[start..<end]) : []
        bounds.tailAddress = address(in: bounds.tail, phrasing: phrasing)
        return bounds
    }

    static func startsTitle(_ line: String, _ phrasing: Phrasing) -> Bool {
        line.count <= 120 && phrasing.title.starts.contains { line.hasPrefix($0) }
    }

    static func endsTitle(_ line: String, _ phrasing: Phrasing) -> Bool {
        phrasing.title.ends.contains { line.hasSuffix($0) }
    }

    static func isTitle(_ line: String, _ phrasing: Phrasing) -> Bool {
        startsTitle(line, phrasing) && endsTitle(line, phrasing) && !NoticeGrammar.hasSentencePunctuation(line)
    }

    /// `工信教考〔2025〕3号` and the like: a short line ending in 号 with a bracketed year.
    static func isDocumentNumber(_ line: String) -> Bool {
        line.count <= 30 && line.hasSuffix("号") && (line.contains("〔") || line.contains("[") || line.contains("［"))
    }

    /// `单独划线地区……考务管理机构:` → the line without its colon.
    static func addressee(_ line: String) -> String? {
        guard let last = line.last, last == ":" || last == "：", line.count <= 100 else { return nil }
        let name = String(line.dropLast())
        guard !name.isEmpty, !NoticeGrammar.hasSentencePunctuation(name), !NoticeGrammar.numbered(name) else { return nil }
        return name
    }

    /// A signature's issuer line: short, no sentence punctuation, not a numbered clause.
    static func isIssuer(_ line: String) -> Bool {
        line.count <= 40 && !NoticeGrammar.hasSentencePunctuation(line) && !NoticeGrammar.numbered(line)
            && line.contains(where: NoticeGrammar.isHan)
    }

    static func issuerAndDay(_ line: String) -> (String, NoticeGrammar.Day, String)? {
        guard let space = line.lastIndex(of: " ") else { return nil }
        let issuer = String(line[..<space]).trimmingCharacters(in: .whitespaces)
        let text = String(line[line.index(after: space)...])
        guard !issuer.isEmpty, isIssuer(issuer), let day = NoticeGrammar.dayLine(text) else { return nil }
        return (issuer, day, text)
    }

    /// The first address after a source-address label (原文地址:http://…), on its line or the next.
    static func address(in lines: [String], phrasing: Phrasing) -> String? {
        for (i, line) in lines.enumerated() where phrasing.sourceAddress.contains(where: { line.hasPrefix($0) }) {
            if let url = firstURL(in: line) ?? (i + 1 < lines.count ? firstURL(in: lines[i + 1]) : nil) { return url }
        }
        return nil
    }

    /// The first `http://` or `https://` address in `text`, up to a space or a Chinese character.
    static func firstURL(in text: String) -> String? {
        guard let start = ["https://", "http://"].compactMap({ text.range(of: $0)?.lowerBound }).min() else { return nil }
        var url = text[start...].prefix { !$0.isWhitespace && $0.isASCII && !"\"'<>()".contains($0) }
        while let last = url.last, ".,;".contains(last) { url = url.dropLast() }
        return url.count > "https://".count ? String(url) : nil
    }
}
