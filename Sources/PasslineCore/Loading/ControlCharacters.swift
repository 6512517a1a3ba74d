/// Characters that must not be in content: C0 controls other than tab and line feed (a carriage
/// return is read as a line end before this check), DEL, and the C1 controls U+0080–U+009F.
///
/// None of them shows on a page; a NUL cut everything after it from a FAQ answer (C strings end
/// there), and a control character in a title made `feed.xml` not well-formed XML. So each is an
/// error at its line and column, never silently dropped or published.
enum ControlCharacters {
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F)
    }

    /// The first control character of `text`, with its 1-based line and column (in characters).
    /// A byte scan first: almost all text has none.
    static func first(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        var found = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                found = true
                break
            }
            previous = byte
        }
        guard found else { return nil }
        var line = 1, column = 1
        for character in text {
            if let scalar = character.unicodeScalars.first(where: isControl) { return (scalar, line, column) }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// `U+0000 (NUL)`: how the message names the character.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [0x00: "NUL", 0x07: "BEL", 0x08: "退格", 0x0B: "垂直制表符", 0x0C: "换页符", 0x1B: "ESC", 0x7F: "DEL"]
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return names[scalar.value].map { "\(code)(\($0))" } ?? code
    }

    /// The message for a control character found in a file or a value.
    static func message(_ scalar: Unicode.Scalar) -> String {
        if scalar.value == 0 {
            return "这里有一个看不见的 NUL 字符(U+0000):删掉它,否则它后面的文字会在网页上丢失"
        }
        return "这里有一个看不见的控制字符 \(name(scalar)):删掉它,它会让网页和订阅里的文字出错"
    }
}
