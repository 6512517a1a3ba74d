/// A body of text that may hold fact references (`{{application.end}}`): an FAQ answer, an exam's or
/// an area's notes, as written, with where it starts so an unknown reference is reported at its line.
struct ContentTemplate: Sendable {
    /// The value whose text this is (`.faq(id)`, `.exam(id)`, `.area(id)`).
    let owner: ContentKey
    let text: String
    let path: String
    /// The file line of the body's first line.
    let bodyStartLine: Int

    init(owner: ContentKey, file: ContentFile) {
        self.owner = owner
        text = file.body
        path = file.path
        bodyStartLine = file.bodyStartLine
    }
}
