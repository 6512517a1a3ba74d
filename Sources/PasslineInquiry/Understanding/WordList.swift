/// The named word lists of `Content/inquiry` (`vocabulary.lists`) the bot reads. A list name content
/// uses that is not a case here is reported when the bot is built (`InquiryBot.contentProblems`), so
/// a misspelt list never silently stops working.
public enum WordList: String, CaseIterable, Sendable {
    /// Before a place: the caller lives there (`住在林芝`), which is neither where they sat the exam
    /// nor where they work.
    case residence
    /// After a place: the caller lives there (`林芝人`, `林芝的家`).
    case residenceAfter = "residence_after"
}
