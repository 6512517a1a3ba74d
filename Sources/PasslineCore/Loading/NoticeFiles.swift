import Foundation

/// What reading one notice file produced on a worker thread: the notice (none if it had errors that
/// stop it), its source references, and the log's entries, replayed by `ContentReader.replay`.
struct RecordedNotices: Sendable {
    var entries: [LogEntry]
    var notices: [Notice]
    var refs: [(String, SourceLocation)]
}

/// Reads the notice files, the bulk of an archive, on every core.
///
/// Each file is read, split, parsed (YAML and Markdown), scanned for placeholders and turned into a
/// `Notice` by a reader of its own whose log records instead of reporting; nothing is shared between
/// threads but the file list. The loader replays the results in file order, so the book and the
/// diagnostics are those of reading the files one after the other.
enum NoticeFiles {
    /// Notices read at once: enough to keep every core busy, few enough that their recorded results
    /// (every clause's location, waiting to be replayed) stay a few megabytes.
    static let chunk = 512

    static func read(_ files: [(path: String, url: URL)]) -> [RecordedNotices] {
        Parallel.map(files) { file in readOne(path: file.path, url: file.url) }
    }

    /// The same steps `ContentLoader.read` takes for a file of `notices/`.
    static func readOne(path: String, url: URL) -> RecordedNotices {
        let log = DiagnosticLog(recording: true)
        var reader = ContentReader(log: log)
        switch ContentFile.read(url, displayPath: path) {
        case let .success(file):
            PlaceholderCheck.scan(file, folder: "notices", log: log)
            reader.readNotice(file)
        case let .failure(diagnostic):
            log.add(diagnostic)
        }
        return reader.recorded()
    }
}
