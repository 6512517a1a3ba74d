import Foundation

/// Normalised forms of content's words, shared by the copies of one `Normalizer` (the lexicon's,
/// the classifier's). A lock keeps it safe if bots are built on several threads.
final class WordForms: @unchecked Sendable {
    private var forms: [String: String] = [:]
    private let lock = NSLock()

    func value(for word: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        return forms[word]
    }

    func store(_ form: String, for word: String) {
        lock.lock()
        defer { lock.unlock() }
        forms[word] = form
    }
}
