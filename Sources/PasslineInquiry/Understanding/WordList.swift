/// The named word lists of `Content/inquiry` (`vocabulary.lists`) the bot reads. A list name content
/// uses that is not a case here is reported when the bot is built (`InquiryBot.contentProblems`), so
/// a misspelt list never silently stops working.
public enum WordList: String, CaseIterable, Sendable {
    /// Before a place: the caller lives there (`住在林芝`), which is neither where they sat the exam
    /// nor where they work.
    case residence
    /// After a place: the caller lives there (`林芝人`, `林芝的家`).
    case residenceAfter = "residence_after"
    /// Words and signs that make a sentence a question, for finding it in a long message.
    case questionMarkers = "question_markers"
    /// Right after a year: the year says when the caller moved or started work (`前年调去凉山`), not
    /// which exam they sat.
    case moveAfterYear = "move_after_year"
    /// In a question with a number: the number is the rule's, not the caller's score
    /// (`考到40分算过线吗`), unless a word of `ownScore` says it is theirs.
    case ruleNumber = "rule_number"
    /// Words that make a number the caller's own score (`我考了`, `我的成绩`).
    case ownScore = "own_score"
    /// The caller corrects what they said (`说错了`, `不对`).
    case correction
    /// A short yes to the bot's question (`是的`, `对`).
    case yes
    /// A short no (`不是`, `没有`).
    case no
    /// A question about the bot's own questions or about the bot (`为什么要问这个`).
    case meta
    /// A question about the next round, which no notice in content announces.
    case nextRound = "next_round"
    /// Words naming the first round (the notice of 2024-09-20).
    case firstRound = "first_round"
    /// Ordinal words naming the first, second and third subject (`上午那科`, `第二科`).
    case subjectFirst = "subject_first"
    case subjectSecond = "subject_second"
    case subjectThird = "subject_third"
    /// Right before a category word: the caller says it is not so (`不在单独划线地区报名的`), so the
    /// word must not make them that category.
    case negation
}
