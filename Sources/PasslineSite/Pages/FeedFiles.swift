/// The Atom feed's text (the entries are chosen by `SiteFeed`).
extension SiteFeed {
    func render() -> [UInt8] {
        var file = PageWriter()
        file += """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hans">
            <title>单独划线证书补申领 · 通知与更新记录</title>
            <id>urn:passline:notices</id>
            <updated>\(updated)</updated>
            <author><name>单独划线证书补申领指南</name></author>
            <link rel="self" type="application/atom+xml" href="\(base)feed.xml"/>
            <link rel="alternate" type="text/html" href="\(base)index.html"/>

            """
        for entry in entries {
            file += """
                <entry>
                <title>\(entry.title)</title>
                <id>\(entry.id)</id>
                <published>\(entry.published)</published>
                <updated>\(entry.published)</updated>

                """
            if let author = entry.author { file += "<author><name>\(author)</name></author>\n" }
            file += """
                <link rel="alternate" type="text/html" href="\(base)\(entry.page)"/>
                <summary>\(entry.summary)</summary>

                """
            // Atom's `type="html"` content is HTML carried as text: the markup is escaped once more.
            if let html = entry.contentHTML { file += "<content type=\"html\">\(html)</content>\n" }
            file += "</entry>\n"
        }
        file += "</feed>\n"
        return file.finish()
    }
}

/// `sitemap.xml` and `robots.txt`.
extension Sitemap {
    func renderSitemap() -> [UInt8] {
        var file = PageWriter()
        file += """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for url in urls { file += "<url><loc>\(url.loc)</loc></url>\n" }
        file += "</urlset>\n"
        return file.finish()
    }

    func renderRobots() -> [UInt8] {
        var file = PageWriter()
        file.write("User-agent: *\nAllow: /\n")
        if let sitemap { file.write("Sitemap: \(sitemap)\n") }
        return file.finish()
    }
}
