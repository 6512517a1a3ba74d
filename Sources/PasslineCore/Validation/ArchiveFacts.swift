import Foundation

/// Facts of every notice in the archive, by id (`notice.2024-09-20.application.end`), so an answer
/// that mentions an earlier round names its dates by reference like it does the current notice's.
enum ArchiveFacts {
    static func facts(of book: RuleBook) -> [String: String] {
        var facts: [String: String] = [:]
        for notice in book.notices {
            let key = "notice.\(notice.id)"
            facts["\(key).title"] = notice.title
            if let day = Instant.parseDay(notice.date) { facts["\(key).date"] = Instant.chinese(day, withTime: false) }
            facts["\(key).hotline"] = notice.hotline
            facts["\(key).application.start"] = Instant.chinese(notice.application.start)
            facts["\(key).application.end"] = Instant.chinese(notice.application.end)
            if let review = notice.review {
                facts["\(key).review.start"] = Instant.chinese(review.start)
                facts["\(key).review.end"] = Instant.chinese(review.end)
            }
        }
        return facts
    }
}
