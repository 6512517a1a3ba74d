import PasslineCore

/// The words the bot looks for, built once from content and normalised like questions are, each
/// list longest first so that `信息系统项目管理师` wins over `项目管理师`.
public struct Lexicon: Sendable {
    /// The words of one named list (empty when content has none).
    public func words(_ list: WordList) -> [String] { lists[list] ?? [] }

    public struct Entry<Value: Sendable>: Sendable {
        public let word: String
        public var value: Value
        /// `word` as UTF-8, for searching questions without Foundation.
        let bytes: [UInt8]

        public init(word: String, value: Value) {
            self.word = word
            self.value = value
            bytes = Array(word.utf8)
        }
    }

    public struct Qualification: Sendable {
        public var name: String
        public var level: Level
        /// The exam whose qualification list names it.
        public var exam: String
    }

    public let exams: [Entry<String>]
    public let levels: [Entry<Level>]
    /// Qualification word → qualification name and level.
    public let qualifications: [Entry<Qualification>]
    /// Subject word → subject name as in exams/*.md.
    public let subjects: [Entry<String>]
    public let categories: [Entry<Category>]
    public let relativeYears: [Entry<Int>]
    public let nowWords: [String]
    public let followUpWords: [String]
    /// `followUpWords` as UTF-8, for taking them out of a question without Foundation.
    let followUpBytes: [[UInt8]]
    /// Words of questions about something else, minus any that content's own questions use.
    public let outOfScope: [String]
    /// The places named in a question, through PasslineCore's `PlaceLookup`.
    public let places: PlaceFinder
    /// The named lists of `vocabulary.lists`, normalised, longest first.
    public let lists: [WordList: [String]]
    /// List names in content that no `WordList` reads.
    public let unknownLists: [String]

    public init(book: RuleBook, normalizer: Normalizer) {
        self.init(book: book, normalizer: normalizer) { PlaceFinder(book: book, normalizer: normalizer) }
    }

    /// - Parameter places: the place names, asked for last (the bot builds them on another thread
    ///   meanwhile, `Parallel.start`).
    init(book: RuleBook, normalizer: Normalizer, places: () -> PlaceFinder) {
        let vocabulary = book.inquiry?.vocabulary ?? InquiryVocabulary()
        func norm(_ word: String) -> String { normalizer.compact(word) }
        func sorted<V>(_ entries: [Entry<V>]) -> [Entry<V>] {
            // Longest first; each length counted once (a String's count walks its characters).
            entries.filter { !$0.word.isEmpty }.map { ($0, $0.word.count) }.sorted { ($0.1, $0.0.word) > ($1.1, $1.0.word) }.map(\.0)
        }

        var exams: [Entry<String>] = []
        for exam in book.exams {
            for word in [exam.shortName, exam.noticeName, exam.name] + exam.aliases + (vocabulary.exams[exam.id] ?? []) {
                exams.append(Entry(word: norm(word), value: exam.id))
            }
        }
        self.exams = sorted(exams)

        var levels: [Entry<Level>] = []
        for level in Level.allCases {
            var words = vocabulary.levels[level.rawValue] ?? []
            if let name = book.messages["level.\(level.rawValue)"] { words.append(name) }
            words += book.exams.compactMap { $0.standard(for: level)?.name }
            levels += Set(words).map { Entry(word: norm($0), value: level) }
        }
        self.levels = sorted(levels)

        var qualifications: [Entry<Qualification>] = []
        for list in book.qualifications {
            for group in list.groups {
                for name in group.names {
                    qualifications.append(Entry(word: norm(name), value: Qualification(name: name, level: group.level, exam: list.exam)))
                }
            }
            for (alias, name) in vocabulary.qualificationAliases {
                if let level = list.level(of: name) {
                    qualifications.append(Entry(word: norm(alias), value: Qualification(name: name, level: level, exam: list.exam)))
                }
            }
        }
        self.qualifications = sorted(qualifications)

        var subjects: [Entry<String>] = []
        let allSubjects = Set(book.exams.flatMap { $0.levels.flatMap(\.subjects) })
        for subject in allSubjects { subjects.append(Entry(word: norm(subject), value: subject)) }
        for (subject, words) in vocabulary.subjects where allSubjects.contains(subject) {
            subjects += words.map { Entry(word: norm($0), value: subject) }
        }
        self.subjects = sorted(subjects)

        var categories: [Entry<Category>] = []
        for (key, words) in vocabulary.categories {
            guard let category = Category(rawValue: key) else { continue }
            categories += words.map { Entry(word: norm($0), value: category) }
        }
        self.categories = sorted(categories)
        relativeYears = sorted(vocabulary.relativeYears.map { Entry(word: norm($0.key), value: $0.value) })
        nowWords = vocabulary.now.map(norm).filter { !$0.isEmpty }
        followUpWords = vocabulary.followUp.map(norm).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        followUpBytes = followUpWords.map { Array($0.utf8) }
        var lists: [WordList: [String]] = [:]
        for (name, words) in vocabulary.lists {
            guard let list = WordList(rawValue: name) else { continue }
            lists[list] = words.map(norm).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        }
        self.lists = lists
        unknownLists = vocabulary.lists.keys.filter { WordList(rawValue: $0) == nil }.sorted()
        var asked: [String] = book.faq.flatMap { [$0.question] + $0.phrasings + $0.keywords }
        asked += (book.inquiry?.intents ?? []).flatMap { $0.phrasings + $0.keywords }
        let askedText = asked.map(norm).joined(separator: "|")
        outOfScope = vocabulary.outOfScope.map(norm).filter { !$0.isEmpty && !askedText.containsText($0) }
        self.places = places()
    }
}
