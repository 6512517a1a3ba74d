/// A page (or any text file of the site) being written, as UTF-8 bytes.
///
/// Page code appends `Markup` with `+=` (a text file, `PlainText` with `write`); the writer keeps the bytes. A writer made
/// with a `TraditionalConverter` writes the zh-Hant page instead: each piece is handed to the
/// converter as it is written, so the page's text is converted from its sources (a title, an answer,
/// a piece of the layout, each converted once per build and then found again) rather than by
/// reading the finished page back.
///
/// OpenCC converts a phrase only within a run of non-ASCII text (no dictionary key holds ASCII), so a
/// piece may be converted on its own whenever it meets its neighbour at an ASCII byte. Where two
/// pieces meet inside a run (`通知` then `三(一)`), they are held and converted together: the page
/// comes out exactly as if it had been converted whole.
struct PageWriter {
    private(set) var bytes: [UInt8] = []
    /// Written but not yet converted (only with a converter): the current run of pieces.
    private var pending: [UInt8] = []
    private let converter: TraditionalConverter?

    init(capacity: Int = 8_192, converter: TraditionalConverter? = nil) {
        bytes.reserveCapacity(capacity)
        self.converter = converter
    }

    static func += (page: inout PageWriter, markup: Markup) { page.append(markup.bytes) }

    /// Plain text (a `.txt` file): nothing escaped.
    mutating func write(_ text: PlainText) { append(text.bytes) }

    /// Bytes produced elsewhere (a JSON document for a script element) and already safe where they go.
    mutating func append(_ piece: [UInt8]) {
        guard let converter else { bytes += piece; return }
        guard let first = piece.first else { return }
        if let last = pending.last, last < 0x80 || first < 0x80 {
            converter.convert(pending, into: &bytes)
            pending.removeAll(keepingCapacity: true)
        }
        pending += piece
    }

    /// The finished file.
    mutating func finish() -> [UInt8] {
        if let converter, !pending.isEmpty {
            converter.convert(pending, into: &bytes)
            pending.removeAll()
        }
        return bytes
    }
}
