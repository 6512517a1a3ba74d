import Foundation

/// What reading one notice file on a worker thread produced: its diagnostics, the notice (none if
/// errors stopped it), its source references and its places, taken over by the loader's reader with
/// `ContentReader.adopt`.
struct ReadNotice: Sendable {
    var diagnostics: [Diagnostic]
    var notices: [Notice]
    var refs: [(String, SourceLocation)]
    var locations: ContentLocations
}

/// Reads the notice files, the bulk of an archive, on every core.
///
/// Each file is read, split, parsed (YAML and Markdown), scanned for placeholders and turned into a
/// `Notice` by a reader and a log of its own; nothing is shared between threads but the file list.
/// The loader takes the results over in file order, so the book and the diagnostics are those of
/// reading the files one after the other (a second use of an id in another file is found then).
enum NoticeFiles {
    /// Notices read at once: enough to keep every core busy, few enough that their results (every
    /// clause's place, waiting to be taken over) stay a few megabytes.
    static let chunk = 512

    static func read(_ files: [(path: String, url: URL)]) -> [ReadNotice] {
        Parallel.map(files) { file in readOne(path: file.path, url: file.url) }
    }

    /// The same steps `ContentLoader.read` takes for a file of `notices/`.
    static func readOne(path: String, url: URL) -> ReadNotice {
        let log = DiagnosticLog()
        var reader = ContentReader(log: log)
        switch ContentFile.read(url, displayPath: path) {
        case let .success(file):
            PlaceholderCheck.scan(file, folder: "notices", log: log)
            reader.readNotice(file)
        case let .failure(diagnostic):
            log.add(diagnostic)
        }
        return ReadNotice(diagnostics: log.diagnostics, notices: reader.notices, refs: reader.refs, locations: reader.locations)
    }
}
