import Foundation

/// What the preview adds to each HTML page it serves, and the scripts it adds. None of it is ever
/// published: `Site/` stays byte-for-byte what `passline build` makes.
///
/// - a stylesheet and a script (`/__passline/…`, allowed by the page's own CSP `'self'`; the CSP is
///   widened only by `connect-src 'self'`, for the event stream);
/// - the script listens to `/__passline/events` (server-sent events: the server pushes, the page
///   never polls), reloads when a newer build is announced, and shows a failed rebuild's messages
///   in an overlay over the last good page, as Hugo and Zola do;
/// - when the last rebuild failed, the overlay is also in the HTML itself, so it shows without
///   JavaScript and before the stream connects;
/// - with `passline serve --now`, a script before the page's own makes `Date` start at that instant,
///   so the window's state and countdowns read as they will then, and a badge says so.
enum PreviewPage {
    static func inject(_ html: String, status: PreviewStatus.Snapshot, now: Date?) -> String {
        var page = html.replacingOccurrences(of: "form-action 'none'", with: "form-action 'none'; connect-src 'self'")
        page = insert("<link rel=\"stylesheet\" href=\"/__passline/overlay.css\">\n", before: "</head>", in: page, orAtStart: true)
        if let now {
            // Before any of the page's own scripts: right after the CSP, else at the top of <head>.
            let clock =
                "\n<script src=\"/__passline/clock.js\" data-now=\"\(Int64((now.timeIntervalSince1970 * 1000).rounded()))\"></script>"
            if let csp = page.range(of: "http-equiv=\"Content-Security-Policy\""), let end = page[csp.upperBound...].firstIndex(of: ">") {
                page.insert(contentsOf: clock, at: page.index(after: end))
            } else if let head = page.range(of: "<head>") {
                page.insert(contentsOf: clock, at: head.upperBound)
            } else {
                page = clock + page
            }
        }
        var body = ""
        if status.state == .failed { body += overlay(status) }
        body +=
            "<script src=\"/__passline/live.js\" data-version=\"\(status.version)\""
            + (now.map { " data-now-label=\"\(escape(label($0)))\"" } ?? "") + "></script>\n"
        return insert(body, before: "</body>", in: page, orAtStart: false)
    }

    /// The page served while no build has succeeded yet: only the overlay (or a wait notice).
    static func placeholder(status: PreviewStatus.Snapshot, now: Date?) -> String {
        let html = """
            <!doctype html>
            <html lang="zh-Hans">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'">
            <title>预览 · 单独划线证书补申领指南</title>
            </head>
            <body>
            <main id="main"><h1>预览</h1><p>\(status.state == .failed ? "还没有成功生成过网站。" : "正在生成网站,完成后本页会自动刷新。")</p></main>
            </body>
            </html>
            """
        return inject(html, status: status, now: now)
    }

    static func overlay(_ status: PreviewStatus.Snapshot) -> String {
        """
        <div id="passline-overlay" role="alert" lang="zh-Hans">
        <div class="passline-box">
        <h2>\(escape(status.summary))</h2>
        <p>\(status.version > 0 ? "下面显示的仍是上一次成功生成的网站。" : "")改好下面的问题并保存,页面会自动刷新。</p>
        <pre>\(escape(status.lines.joined(separator: "\n")))</pre>
        <button type="button" id="passline-overlay-hide">先隐藏</button>
        </div>
        </div>

        """
    }

    private static func insert(_ text: String, before marker: String, in html: String, orAtStart: Bool) -> String {
        guard let range = html.range(of: marker, options: .backwards) else { return orAtStart ? text + html : html + text }
        return html.replacingCharacters(in: range, with: text + marker)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `--now` as an editor reads it: Beijing time.
    static func label(_ now: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        formatter.dateFormat = "yyyy年M月d日 HH:mm"
        return "预览时间:" + formatter.string(from: now) + "(北京时间)"
    }

    static let liveScript = """
        (() => {
          'use strict';
          const me = document.currentScript;
          const seen = me.getAttribute('data-version');
          const nowLabel = me.getAttribute('data-now-label');
          function element(tag, attrs, text) {
            const e = document.createElement(tag);
            for (const k in attrs) e.setAttribute(k, attrs[k]);
            if (text) e.textContent = text;
            return e;
          }
          function hide() {
            const old = document.getElementById('passline-overlay');
            if (old) old.remove();
          }
          function show(s) {
            hide();
            const box = element('div', { class: 'passline-box' });
            box.append(element('h2', {}, s.summary),
              element('p', {}, (s.version > 0 ? '下面显示的仍是上一次成功生成的网站。' : '') + '改好下面的问题并保存,页面会自动刷新。'),
              element('pre', {}, s.lines.join('\\n')));
            const button = element('button', { type: 'button', id: 'passline-overlay-hide' }, '先隐藏');
            box.append(button);
            const overlay = element('div', { id: 'passline-overlay', role: 'alert', lang: 'zh-Hans' });
            overlay.append(box);
            document.body.append(overlay);
            wire();
          }
          function wire() {
            const button = document.getElementById('passline-overlay-hide');
            if (button) button.addEventListener('click', hide);
          }
          function badge(text, id) {
            let b = document.getElementById(id);
            if (!text) { if (b) b.remove(); return; }
            if (!b) { b = element('div', { id: id, class: 'passline-badge', lang: 'zh-Hans', role: 'status' }); document.body.append(b); }
            b.textContent = text;
          }
          wire();
          if (nowLabel) badge(nowLabel, 'passline-now');
          const source = new EventSource('/__passline/events');
          source.addEventListener('status', (event) => {
            const s = JSON.parse(event.data);
            badge(s.state === 'building' ? '正在重新生成…' : '', 'passline-building');
            if (s.state === 'ok') {
              if (String(s.version) !== seen) { source.close(); location.reload(); } else hide();
            } else if (s.state === 'failed') {
              show(s);
            }
          });
        })();
        """

    static let clockScript = """
        (() => {
          'use strict';
          const RealDate = Date;
          const offset = Number(document.currentScript.getAttribute('data-now')) - RealDate.now();
          function PreviewDate(...args) {
            if (!new.target) return new RealDate(RealDate.now() + offset).toString();
            return args.length ? new RealDate(...args) : new RealDate(RealDate.now() + offset);
          }
          PreviewDate.prototype = RealDate.prototype;
          PreviewDate.now = () => RealDate.now() + offset;
          PreviewDate.parse = RealDate.parse;
          PreviewDate.UTC = RealDate.UTC;
          window.Date = PreviewDate;
        })();
        """

    static let overlayStyle = """
        #passline-overlay { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 0, 0, .72); overflow: auto; padding: 1rem; }
        #passline-overlay .passline-box { max-width: 60rem; margin: 2rem auto; background: #fff; color: #111; border-top: .4rem solid #b00020; padding: 1rem 1.25rem; font: 16px/1.5 system-ui, sans-serif; }
        #passline-overlay h2 { margin: 0 0 .5rem; color: #b00020; font-size: 1.2rem; }
        #passline-overlay pre { white-space: pre-wrap; word-break: break-all; background: #f6f6f6; padding: .75rem; font: 14px/1.45 ui-monospace, monospace; max-height: 60vh; overflow: auto; }
        #passline-overlay button { font: inherit; padding: .3rem .9rem; }
        .passline-badge { position: fixed; right: .5rem; bottom: .5rem; z-index: 2147483646; background: #111; color: #fff; padding: .25rem .6rem; font: 13px/1.4 system-ui, sans-serif; border-radius: .25rem; }
        #passline-building { bottom: 2.2rem; }
        """
}
