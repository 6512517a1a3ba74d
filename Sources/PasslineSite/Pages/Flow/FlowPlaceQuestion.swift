import PasslineCore

/// "你是在哪里报名参加考试的?" / "你现在在哪里工作?": with JavaScript a search box answered by the
/// place lookup (flow.js over `PlaceData`); without it, the regions with delineated places, each with
/// its list and the two ways on (my county is on it / is not), and every other province. An incomplete
/// list says so and sends the reader to the provincial office before either way on.
struct FlowPlaceQuestion {
    let page: FlowPage

    func write(_ out: inout PageWriter) {
        let step = page.step
        let book = page.book
        let lookup = PlaceLookup(book: book)
        let isWork = step.question == .workPlace
        let inScope = step.afterPlace(inScope: true).page, outside = step.afterPlace(inScope: false).page
        out += isWork ? "<h1>你现在在哪里工作?</h1>\n" : "<h1>你是在哪里报名参加考试的?</h1>\n"
        out +=
            isWork
            ? #"<p class="hint">你报名参加考试的地方不在单独划线地区。如果你现在到单独划线地区工作,也可以申领。</p>\#n"#
            : #"<p class="hint">按报名参加考试时所在的县(区)回答,不是户籍或现在住的地方。</p>\#n"#
        // The search box: hidden without JavaScript by nojs.css, so nothing moves when the script loads.
        out += """
            <form class="js-only place-search" id="place-search" data-in="\(inScope)" data-out="\(outside)" data-sources="sources.html#" data-places="\(page.chrome.root)\(PlaceData.page)" \
            data-t-in="{place}属于单独划线地区(在{region}的名单中)。" data-t-whole="{place}在{region},{region}全区属于单独划线地区。" \
            data-t-out="{place}不属于单独划线地区。" data-t-county="{place}只有部分县(区)属于单独划线地区:{counties}。" \
            data-t-office="{region}的名单不完整,无法判断{place}是否属于单独划线地区,请向{region}的省级考试机构确认。" \
            data-t-unknown="没有找到“{place}”。请检查写法(写到县、区或市),或在下面按省(区)查找。" \
            data-t-empty="请输入地名,例如县、区或市的名称。" data-t-confidence="名单可靠程度:{confidence}" \
            data-l-in="继续:属于单独划线地区" data-l-out="继续:不属于单独划线地区" data-l-county-in="我所在的县(区)在其中" \
            data-l-county-out="我所在的县(区)不在其中" data-l-office-in="省级考试机构确认属于" data-l-office-out="不属于,或无法确认">
            <div class="field"><label for="place">地名(县、区或市)</label>
            <p class="error" id="place-error" hidden></p>
            <input type="text" id="place" name="place" autocomplete="off" spellcheck="false"></div>
            <p><button type="submit">查找</button></p>
            <div id="place-answer" aria-live="polite"></div>
            </form>
            <h2>按省(区)查找</h2>
            <ul class="regions">
            """
        for area in book.areas { out += ##"<li><a href="#r-\##(area.id)">\##(area.region)</a></li>"## }
        out += #"<li><a href="\#(outside)">其他省(区、市)</a></li></ul>\#n"#
        for area in book.areas {
            let answer = lookup.lookUp(area.region)
            out +=
                #"<section class="region" id="r-\#(area.id)" aria-labelledby="r-\#(area.id)-h"><h3 id="r-\#(area.id)-h">\#(area.region)</h3>"#
            if area.scope == .whole {
                out += "<p>\(area.region)全区属于单独划线地区。</p>"
                page.links(&out, [(inScope, "我在\(area.region)")])
            } else {
                if area.places.isEmpty {
                    out += "<p>\(area.region)只有部分地区属于单独划线地区,本站没有收录具体名单。</p>"
                } else {
                    out += #"<p>名单:<span class="places">\#(area.places.joined(separator: "、"))</span></p>"#
                }
                if !area.complete { out += "<p>这份名单不完整:没列出的地方不一定不在范围内,请向\(area.region)的省级考试机构确认。</p>" }
                page.links(
                    &out,
                    area.complete
                        ? [(inScope, "我所在的县(区)在名单里"), (outside, "不在名单里")]
                        : [(inScope, "在名单里,或省级考试机构确认属于"), (outside, "不属于,或无法确认")])
            }
            if let confidence = answer.confidence, let word = book.confidenceWord(confidence),
                let source = answer.sources.min(by: { PlaceLookup.strength($0.confidence) < PlaceLookup.strength($1.confidence) })
            {
                out +=
                    #"<p class="small">名单可靠程度:\#(word)(<a href="sources.html#\#(source.id)">资料来源</a>)</p>"#
            }
            out += "</section>\n"
        }
    }
}
