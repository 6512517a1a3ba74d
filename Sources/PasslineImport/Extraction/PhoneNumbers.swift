/// Phone numbers as Chinese notices write them: `010-68607734` (area code, optional dash, 7–8 digits,
/// optional extension), `400-…`, mobile numbers. Found in the half-width form of the text, so `０１０－…`
/// reads the same; a run of digits inside a longer run of letters and digits (an address) is not one.
enum PhoneNumbers {
    static func find(in text: String) -> [String] {
        let chars = Array(NoticeGrammar.halfWidth(text))
        var found: [String] = []
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !isWordChar(chars[i - 1]) && chars[i - 1] != "/" && chars[i - 1] != "."
            else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isASCII && (chars[j].isNumber || chars[j] == "-") { j += 1 }
            var candidate = String(chars[i..<j])
            while candidate.hasSuffix("-") { candidate.removeLast() }
            let end = i + candidate.count
            let followedByWord = end < chars.count && (isWordChar(chars[end]) || chars[end] == "/")
            if !followedByWord, isPhone(candidate) { found.append(candidate) }
            i = max(j, i + 1)
        }
        return found
    }

    /// Whether digits-and-dashes `text` has the shape of a phone number.
    static func isPhone(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard groups.allSatisfy({ !$0.isEmpty }) else { return false }
        let digits = groups.joined()
        if groups.count == 1 {
            // Mobile, or area code and number written together (01068607734).
            if digits.count == 11, digits.hasPrefix("1"), digits.dropFirst().first.map({ "3456789".contains($0) }) == true { return true }
            return digits.hasPrefix("0") && (10...12).contains(digits.count)
        }
        if groups[0].hasPrefix("0"), (3...4).contains(groups[0].count), (7...8).contains(groups[1].count) {
            return groups.count == 2 || groups.count == 3 && (1...6).contains(groups[2].count)
        }
        if groups[0] == "400" || groups[0] == "800" { return groups.count == 3 && groups[1].count == 3 && groups[2].count == 4 }
        return false
    }
}
