import PasslineCore

/// Plain words for the applicant categories, written by editors in messages.md as `category.local`,
/// `category.relocated` and `category.none`. The engine never says them, so the site build is what
/// requires them: a missing one stops the build with the key to add.
enum CategoryLabels {
    static func key(_ category: Category) -> String { "category.\(category.rawValue)" }

    static func label(_ category: Category, messages: [String: String]) throws -> String {
        guard let words = messages[key(category)], !words.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw StepProblem([
                "Content/messages.md: add '\(key(category))': plain words for the applicants of this category, as the calculator's choice (see the notice's 二(一)/二(二))"
            ])
        }
        return words
    }
}
