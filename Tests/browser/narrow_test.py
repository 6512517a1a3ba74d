#!/usr/bin/python3
"""Every page on the narrowest phones still sold (320 CSS pixels wide), as a candidate opens it from disk.

Each .html page of both scripts is opened in headless Chromium emulating a 320×640 phone, with and
without JavaScript. A page must not scroll sideways: a wide table may scroll inside its own box, but
the page itself (document.scrollingElement) must be no wider than the screen, and no text may be
clipped off its right edge (an element or a run of text past the edge). The pages that fail are listed with the element that sticks out.
Usage: narrow_test.py [SITE_DIR]. Needs chromium, chromium-driver, python3-selenium.
"""
import pathlib
import sys
import time
import traceback

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from calculator_test import browser, page, SITE  # noqa: E402

WIDTH, HEIGHT = 320, 640

# The widest element that is not inside a box that scrolls on its own (overflow-x auto/scroll).
WIDEST = """
const limit = document.documentElement.clientWidth;
const scrollsAlone = (e) => {
  for (let p = e.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
  }
  return false;
};
let worst = null;
for (const e of document.body.querySelectorAll('*')) {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.right <= limit + 1 || scrollsAlone(e)) continue;
  if (!worst || r.right > worst.right) worst = {right: Math.round(r.right), tag: e.tagName.toLowerCase(),
    id: e.id, text: (e.textContent || '').trim().slice(0, 40)};
}
// Text overflows its box without widening the box (a long address with nowhere to break).
const words = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = words.nextNode(); n; n = words.nextNode()) {
  const range = document.createRange();
  range.selectNodeContents(n);
  const r = range.getBoundingClientRect();
  if (r.width === 0 || r.right <= limit + 1 || scrollsAlone(n)) continue;
  if (!worst || r.right > worst.right) worst = {right: Math.round(r.right), tag: '#text', id: '',
    text: n.textContent.trim().slice(0, 40)};
}
return {page: document.scrollingElement.scrollWidth, screen: limit, worst};
"""


def pages():
    found = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.html"))
    assert any(p.startswith("zh-Hant/") for p in found), "no zh-Hant pages found"
    return found


def narrow(javascript):
    driver = browser(javascript)
    problems = []
    try:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True})
        names = pages()
        for name in names:
            driver.get(page(name))
            time.sleep(0.02)
            found = driver.execute_script(WIDEST)
            if found["page"] > found["screen"] or found["worst"]:
                problems.append(f"{name}: page {found['page']} px on a {found['screen']} px screen; {found['worst']}")
        assert not problems, "\n".join(problems)
        return f"{len(names)} pages at {WIDTH} px, none scrolls sideways"
    finally:
        driver.quit()


def main():
    failures = 0
    for javascript in (True, False):
        label = "js" if javascript else "no-js"
        try:
            print(f"ok   {label} narrow — {narrow(javascript)}")
        except Exception:
            failures += 1
            print(f"FAIL {label} narrow")
            traceback.print_exc()
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
