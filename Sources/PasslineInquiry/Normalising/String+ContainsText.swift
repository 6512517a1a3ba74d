extension String {
    /// Whether `other` occurs in this string, compared as UTF-8 bytes.
    ///
    /// Normalised text and content's words are compared exactly (both went through the same steps), so
    /// a byte search gives the answer Foundation's `contains` gives, without bridging to NSString: the
    /// bot does thousands of these at start-up and per question.
    func containsText(_ other: String) -> Bool {
        if other.isEmpty { return false }
        var haystack = self
        var needle = other
        return haystack.withUTF8 { text in
            needle.withUTF8 { word in
                guard word.count <= text.count else { return false }
                let first = word[0]
                var i = 0
                let last = text.count - word.count
                while i <= last {
                    if text[i] == first {
                        var j = 1
                        while j < word.count && text[i + j] == word[j] { j += 1 }
                        if j == word.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
