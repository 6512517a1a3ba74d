extension Area {
    /// The line of the editor's notes about `place`: the list item that starts with it
    /// (`- 巴音郭楞蒙古自治州:库尔勒市、…(两种说法不一致:…)`), else the first line naming it; without
    /// the list marker. What the areas page shows is what the bot and the lookup quote.
    public func noteLine(about place: String) -> String? {
        let lines = notes.split(separator: "\n").map { line in
            var text = line.trimmingPrefix(while: { $0 == " " })
            if text.hasPrefix("- ") || text.hasPrefix("* ") { text = text.dropFirst(2) }
            return String(text)
        }
        let line = lines.first { $0.hasPrefix(place) } ?? lines.first { $0.contains(place) }
        return line.map { String($0.reversed().drop { ";;。,、 ".contains($0) }.reversed()) }
    }
}
