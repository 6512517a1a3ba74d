import Mustache

// Key lookup without reflection for the models rendered once per notice (thousands of times in a large
// archive). Without these, Mustache finds each `{{key}}` through `Mirror`, which built every property
// of the model for every lookup: a quarter of a large build's time. Each `child(named:)` answers
// exactly the stored properties, nil optionals as nil, as the reflection did.

extension Chrome: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "traditional": traditional
        case "root": root
        case "twinHref": twinHref
        case "twinLang": twinLang
        case "hotline": hotline
        case "hotlineTel": hotlineTel
        case "current": current
        case "hasTwin": hasTwin
        default: nil
        }
    }
}

extension Chrome.Current: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "home": home
        case "notice": notice
        case "thresholds": thresholds
        case "areas": areas
        case "faq": faq
        case "calculator": calculator
        case "sources": sources
        case "notices": notices
        case "changelog": changelog
        default: nil
        }
    }
}

extension NoticePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "name": self.name
        case "title": title
        case "issuer": issuer
        case "dateText": dateText
        case "addressee": addressee
        case "sourceURL": sourceURL
        case "summary": summary
        case "clauses": clauses
        case "bodyHTML": bodyHTML
        case "facts": facts
        case "sources": sources
        case "textHref": textHref
        case "newest": newest
        default: nil
        }
    }
}

extension NoticePage.ClauseBlock: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "depth": depth
        case "html": html
        default: nil
        }
    }
}

extension NoticePage.Link: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "href": href
        default: nil
        }
    }
}

extension NoticePage.SourceLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "url": url
        default: nil
        }
    }
}

extension NoticeFacts: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "application": application
        case "applicationStart": applicationStart
        case "applicationEnd": applicationEnd
        case "startISO": startISO
        case "endISO": endISO
        case "review": review
        case "covered": covered
        case "exams": exams
        case "hotline": hotline
        case "hotlineTel": hotlineTel
        case "entry": entry
        default: nil
        }
    }
}

extension NoticeFacts.Covered: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "exam": exam
        case "session": session
        case "thresholds": thresholds
        default: nil
        }
    }
}

extension NoticeFacts.Exam: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "shortName": shortName
        case "sessions": sessions
        default: nil
        }
    }
}

extension NoticeListPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "notices": notices
        case "pager": pager
        default: nil
        }
    }
}

extension NoticeListPage.Pager: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "newer": newer
        case "older": older
        default: nil
        }
    }
}

extension NoticeListPage.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "name": self.name
        case "title": title
        case "issuer": issuer
        case "href": href
        case "summary": summary
        case "current": current
        case "facts": facts
        case "windowBefore": windowBefore
        case "windowOpen": windowOpen
        case "windowClosed": windowClosed
        default: nil
        }
    }
}

extension NoticeTextPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "addressee": addressee
        case "blocks": blocks
        case "issuer": issuer
        case "dateText": dateText
        case "sourceURL": sourceURL
        default: nil
        }
    }
}

extension NoticeTextPage.Block: MustacheParent {
    func child(named name: String) -> Any? { name == "text" ? text : nil }
}
