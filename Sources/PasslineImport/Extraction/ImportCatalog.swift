import PasslineCore

/// What the import needs to know from `Content/`: the exams (names, levels, session forms), the sources
/// (to name a cited document by its id), and what already exists (sessions, notices), so that nothing
/// is overwritten unasked. Names come from here, never from code.
public struct ImportCatalog: Sendable {
    public var exams: [Exam]
    public var sources: [Source]
    public var sessions: [Session]
    public var noticeIDs: [String]

    public init(exams: [Exam], sources: [Source] = [], sessions: [Session] = [], noticeIDs: [String] = []) {
        self.exams = exams
        self.sources = sources
        self.sessions = sessions
        self.noticeIDs = noticeIDs
    }

    /// The catalog of a content tree as read (`ContentLoader.draft()`), before validation: an import
    /// must work while another draft is still unfilled.
    public init(book: RuleBook) {
        self.init(exams: book.exams, sources: book.sources, sessions: book.sessions, noticeIDs: book.notices.map(\.id))
    }

    /// Every name a notice may use for `exam`, longest first (so `全国通信专业技术人员职业水平考试`
    /// wins over `通信专业技术人员职业水平考试`).
    func names(of exam: Exam) -> [String] {
        Array(Set([exam.name, exam.noticeName, exam.shortName] + exam.aliases).filter { $0.count >= 2 }).sorted {
            ($0.count, $0) > ($1.count, $1)
        }
    }

    /// The exams `text` names, each with the longest name found.
    func exams(in text: String) -> [(Exam, String)] {
        exams.compactMap { exam in names(of: exam).first { text.contains($0) }.map { (exam, $0) } }
    }
}
