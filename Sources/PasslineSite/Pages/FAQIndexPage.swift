import PasslineCore

/// `faq.html` when the FAQ is split by topic (Content/faq-topics.md): each topic with its questions,
/// every question a link to its answer on the topic's page. Only questions, so the page stays small
/// however long the answers grow; the answers' weight is on the topic pages, which an editor balances.
struct FAQIndexPage: SitePage {
    struct Topic {
        let name: String
        let href: String
        let questions: [NamedLink]
    }

    let chrome: Chrome
    let topics: [Topic]

    init(book: RuleBook, map: SiteMap, chrome: Chrome) {
        self.chrome = chrome
        topics = map.faqTopics.map { topic in
            let page = map.faqPage(ofTopic: topic.id)
            return Topic(
                name: topic.name, href: page,
                questions: FAQPage.entries(of: book, topic: topic.id).map { NamedLink(name: $0.question, href: page + "#" + $0.id) })
        }
    }

    var title: Markup { "常见问题" }

    func main(_ page: inout PageWriter) {
        page += "<h1>常见问题</h1>\n"
        for topic in topics {
            page += """
                <section class="faq-topic">
                <h2><a href="\(topic.href)">\(topic.name)</a></h2>
                <ul class="links">

                """
            for question in topic.questions { page += #"<li><a href="\#(question.href)">\#(question.name)</a></li>"#; page += "\n" }
            page += "</ul>\n</section>\n"
        }
    }
}
