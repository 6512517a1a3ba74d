/// Removes what identifies a caller before a question is written to the gap log: ID-card numbers,
/// phone numbers, and names introduced as names (我叫…, 姓名…).
public enum Redactor {
    public static let mark = "[已隐去]"

    public static func redact(_ text: String) -> String {
        var result = text
        // 18-digit resident ID (last may be X) and the old 15-digit form.
        result = result.replacing(#/[0-9]{17}[0-9Xx]|[0-9]{15}/#, with: mark)
        // Mobile numbers, with optional +86 and separators.
        result = result.replacing(#/(?:\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}/#, with: mark)
        // Landlines: area code and number.
        result = result.replacing(#/0[0-9]{2,3}[- ]?[0-9]{7,8}/#, with: mark)
        // Names introduced as names: the two to four characters after the cue.
        result = result.replacing(#/(我叫|我的名字是|我的名字叫|名字是|名字叫|姓名[::是]?|本人|我是)\s?(\p{Han}{2,4}?)(?=[,,.。!!??;;\s]|$|[,,]|的|考生|同学|老师)/#) {
            match in
            String(match.1) + mark
        }
        result = result.replacing(#/(\p{Han})(先生|女士|老师|同学)/#) { match in mark + String(match.2) }
        return result
    }
}
