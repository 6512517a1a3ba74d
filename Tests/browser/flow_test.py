#!/usr/bin/python3
"""The guided calculator (check*.html), opened from disk as a candidate would.

1. Every path, fast: starting at check.html, every link of every question is followed (HTML only, no
   browser) until an outcome page; each covered session × level × category of Content/ must be reached,
   and each outcome's by-hand comparison must show the threshold the case table
   (Tests/Cases/eligibility.json, worked out by hand from the notice) gives for that session and level.
2. Headless Chromium at 360×800 with JavaScript: each case of the table with a covered session, a
   category and well-formed scores is opened at its outcome page with the scores in the address
   (#s=…) and must show the case's expected status; a shared address reopened in a fresh browser shows the
   same verdict; one path is walked by clicking, with the place search; errors all at once, by subject.
3. Without JavaScript: one path walked by clicking through the region lists to the by-hand page.
4. Every page the walk found is opened in Chromium with and without JavaScript (重新开始 shown; without
   JavaScript each outcome shows its by-hand threshold), and axe-core (axe-selenium-python) reports no
   violation on any of them or on their zh-Hant copies, with and without JavaScript.
Usage: flow_test.py [SITE_DIR]. Needs chromium, chromium-driver, python3-selenium, axe-selenium-python.
"""
import html.parser
import json
import pathlib
import re
import sys
import time
import traceback

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from calculator_test import browser, page, visible, console_problems, SITE  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "Tests/Cases/eligibility.json").read_text())["cases"]
CONTENT = ROOT / "Content"


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text = [], []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)

    def handle_data(self, data):
        self.text.append(data)


def parse(name):
    parser = Links()
    parser.feed((SITE / name).read_text())
    return parser


def covered():
    """(exam, session, level) the current rules cover, read from Content/ (sessions/*.md and notices)."""
    found = set()
    covers = set()
    for notice in (CONTENT / "notices").glob("*.md"):
        for exam, session in re.findall(r"exam: (\w+), session: \"?([\w-]+)", notice.read_text()):
            covers.add((exam, session))
    for f in (CONTENT / "sessions").glob("*.md"):
        text = f.read_text()
        exam = re.search(r"^exam: (\w+)", text, re.M).group(1)
        session = re.search(r"^session: \"?([\w-]+)", text, re.M).group(1)
        if (exam, session) not in covers:
            continue
        for level in re.findall(r"^\s+(junior|intermediate|senior):", text, re.M):
            found.add((exam, session, level))
    return found


def expected_thresholds():
    table = {}
    for case in CASES:
        i, e = case["input"], case["expect"]
        if "threshold" in e:
            table[(i["exam"], i["session"], i["level"])] = e["threshold"]
    return table


def walk_every_path():
    seen, queue, outcomes = set(), ["check.html"], {}
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        parsed = parse(name)
        m = re.fullmatch(r"check-(\w+)-([\w-]+?)-(junior|intermediate|senior)-(local|relocated|none)\.html", name)
        if m:
            outcomes[m.groups()] = "".join(parsed.text)
        for href in parsed.links:
            if href.startswith("check") and "#" not in href:
                queue.append(href)
        assert "重新开始" in "".join(parsed.text), f"{name}: no 重新开始"
    want = {(x, s, l, c) for (x, s, l) in covered() for c in ("local", "relocated", "none")}
    assert want and want <= set(outcomes), f"not reached: {sorted(want - set(outcomes))[:5]}"
    thresholds = expected_thresholds()
    checked = 0
    for (x, s, l, c), text in outcomes.items():
        assert "你的回答" in text and "更改" in text, f"{x} {s} {l} {c}: no answers with 更改"
        if (x, s, l) in thresholds:
            t = thresholds[(x, s, l)]
            assert f"合格标准是每科 {t:g} 分(含)" in text, f"{x} {s} {l}: by-hand page lacks the threshold {t:g}"
            checked += 1
    print(f"ok   every path: {len(seen)} pages, {len(outcomes)} outcomes reached ({len(want)} covered), "
          f"{checked} by-hand thresholds checked against the case table")
    STEP_PAGES[:] = sorted(seen)
    return len(seen)


STEP_PAGES = []  # every page of the flow, as the walk above found them (Chromium opens each of them below)


def test_every_page_in_chromium(driver):
    """Every step page opened in Chromium as a reader sees it: the answers so far with 重新开始; without
    JavaScript each outcome shows the by-hand comparison with the case table's threshold."""
    assert STEP_PAGES, "the walk found no pages"
    thresholds, checked = expected_thresholds(), 0
    for name in STEP_PAGES:
        driver.get(page(name))
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "重新开始" in body, f"{name}: 重新开始 not shown"
        m = re.fullmatch(r"check-(\w+)-([\w-]+?)-(junior|intermediate|senior)-(local|relocated|none)\.html", name)
        if m and m.groups()[:3] in thresholds and driver.find_elements(By.ID, "by-hand"):
            by_hand = driver.find_element(By.ID, "by-hand")
            if by_hand.is_displayed():
                t = thresholds[m.groups()[:3]]
                assert f"{t:g}" in by_hand.text, f"{name}: the by-hand comparison shows no {t:g}"
                checked += 1
    return f"{len(STEP_PAGES)} pages, {checked} by-hand comparisons shown"


def outcome_name(i):
    return f"check-{i['exam']}-{i['session']}-{i['level']}-{i['category']}.html"


def verdict_cases():
    cov = covered()
    for case in CASES:
        i = case["input"]
        if (i["exam"], i["session"], i["level"]) not in cov or i["category"] not in ("local", "relocated", "none"):
            continue
        if case["expect"]["status"] in ("invalid-input", "not-covered"):
            continue
        scores = [str(s).strip() for s in i["scores"]]
        if not all(re.fullmatch(r"\d+(\.\d+)?", s) for s in scores):
            continue
        yield case, scores


def verdict(driver):
    result = driver.find_element(By.ID, "result")
    for _ in range(50):
        if result.is_displayed():
            break
        time.sleep(0.05)
    return result.get_attribute("data-status"), driver.find_element(By.ID, "verdict").text


def test_every_case_reaches_its_status(driver):
    count = 0
    for case, scores in verdict_cases():
        driver.get(page(outcome_name(case["input"])) + "#s=" + ",".join(scores))
        status, _ = verdict(driver)
        assert status == case["expect"]["status"], f"{case['name']}: {status}"
        count += 1
    assert count >= 10, count
    return f"{count} cases"


def test_shared_link_reopens():
    d1 = browser(True)
    try:
        d1.get(page("check-ruankao-2024-H2-senior-local.html"))
        for box, v in zip(visible(d1, "#scores-form input"), ["40", "41", "44"]):
            box.send_keys(v)
        d1.find_element(By.CSS_SELECTOR, "#scores-form button").click()
        first = verdict(d1)
        url = d1.current_url
        assert url.endswith("#s=40,41,44"), url
    finally:
        d1.quit()
    d2 = browser(True)
    try:
        d2.get(url)
        assert verdict(d2) == first, (verdict(d2), first)
        assert first[0] == "eligible"
    finally:
        d2.quit()


def test_walk_with_search_and_errors(driver):
    driver.get(page("check.html"))
    visible(driver, ".options a")[0].click()
    driver.find_element(By.LINK_TEXT, "2024年下半年").click()
    driver.find_element(By.LINK_TEXT, "高级").click()
    box = driver.find_element(By.ID, "place")
    box.send_keys("乐山")
    driver.find_element(By.CSS_SELECTOR, "#place-search button").click()
    time.sleep(0.3)
    text = driver.find_element(By.ID, "place-answer").text
    assert "峨边" in text and "县(区)" in text, text  # places.md prefectures: 乐山 → its listed counties
    box.clear()
    box.send_keys("四川省阿坝县")
    driver.find_element(By.CSS_SELECTOR, "#place-search button").click()
    time.sleep(0.3)
    driver.find_element(By.CSS_SELECTOR, "#place-answer a").click()
    assert driver.current_url.endswith("check-ruankao-2024-H2-senior-local.html"), driver.current_url
    inputs = visible(driver, "#scores-form input")
    assert all(i.get_attribute("type") == "text" and not i.get_attribute("inputmode") for i in inputs)
    inputs[1].send_keys("abc")
    driver.find_element(By.CSS_SELECTOR, "#scores-form button").click()
    summary = driver.find_element(By.ID, "error-summary")
    assert summary.is_displayed() and driver.title.startswith("错误:"), driver.title
    links = summary.find_elements(By.CSS_SELECTOR, "a")
    assert len(links) == 3, [a.text for a in links]  # all at once: two empty, one not a number
    labels = [e.text for e in visible(driver, "#scores-form label")]
    assert all(any(l in a.text for l in labels) for a in links), "messages name the subject"
    assert not any("第" in a.text and "个" in a.text for a in links)
    assert all(a.get_attribute("href").endswith("#" + i.get_attribute("id")) for a, i in zip(links, inputs))
    assert not console_problems(driver), console_problems(driver)


def test_walk_without_javascript(driver):
    driver.get(page("check.html"))
    visible(driver, ".options a")[-1].click()
    visible(driver, ".options a")[-1].click()
    visible(driver, ".options a")[-1].click()
    assert not visible(driver, "#place-search"), "the search box needs JavaScript"
    driver.find_element(By.LINK_TEXT, "其他省(区、市)").click()
    assert "-work.html" in driver.current_url
    driver.find_element(By.CSS_SELECTOR, "#r-xizang a[href$='.html']").click()
    assert driver.current_url.endswith("-relocated.html"), driver.current_url
    assert not visible(driver, "#scores-form")
    by_hand = driver.find_element(By.ID, "by-hand").text
    assert "合格标准是每科" in by_hand and "通知原文" in by_hand, by_hand[:200]


def axe_pages():
    """Every step page in both scripts: the zh-Hant copies are converted text in the same markup, but a
    conversion can still break a label's association or a language attribute."""
    simplified = STEP_PAGES or ["check.html", "check-ruankao.html", "check-ruankao-2024-H2.html", "check-ruankao-2024-H2-senior.html",
            "check-ruankao-2024-H2-senior-work.html", "check-ruankao-2024-H2-senior-local.html",
            "check-ruankao-2024-H2-senior-none.html", "check-tongxin-2024-junior-relocated.html"]
    return simplified + ["zh-Hant/" + name for name in simplified]


def test_axe(driver, javascript):
    """axe runs as a script, so the pages as readers without JavaScript see them are checked in a browser
    with JavaScript whose page scripts are blocked and with the <noscript> stylesheet applied."""
    from axe_selenium_python import Axe
    found = []
    if not javascript:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*.js"]})
    for name in axe_pages():
        driver.get(page(name) + ("#s=40,41,44" if name.endswith("senior-local.html") and javascript else ""))
        time.sleep(0.1)
        if not javascript:
            nojs = "../assets/nojs.css" if name.startswith("zh-Hant/") else "assets/nojs.css"
            driver.execute_script(f"const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = '{nojs}'; document.head.append(l);")
            time.sleep(0.05)
        axe = Axe(driver)
        axe.inject()
        violations = axe.run()["violations"]
        found += [f"{name}: {v['id']} ({len(v['nodes'])})" for v in violations]
    assert not found, found
    return f"{len(axe_pages())} pages, 0 violations"


def main():
    failures = 0
    started = time.time()
    try:
        walk_every_path()
    except Exception:
        failures += 1
        traceback.print_exc()
    for javascript, tests in ((True, [test_every_case_reaches_its_status, test_walk_with_search_and_errors, test_every_page_in_chromium,
                                      lambda d: test_axe(d, True)]),
                              (False, [test_walk_without_javascript, test_every_page_in_chromium])):
        driver = browser(javascript)
        try:
            for test in tests:
                try:
                    note = test(driver)
                    print(f"ok   {'js' if javascript else 'no-js'} {getattr(test, '__name__', 'axe')}{' — ' + note if note else ''}")
                except Exception:
                    failures += 1
                    print(f"FAIL {'js' if javascript else 'no-js'} {getattr(test, '__name__', 'axe')}")
                    traceback.print_exc()
        finally:
            driver.quit()
    driver = browser(True)
    try:
        print(f"ok   no-js axe — {test_axe(driver, False)}")
    except Exception:
        failures += 1
        traceback.print_exc()
    finally:
        driver.quit()
    try:
        test_shared_link_reopens()
        print("ok   a shared outcome link reopens the same verdict in a fresh browser")
    except Exception:
        failures += 1
        traceback.print_exc()
    print(f"browser (flow): {failures} failed, {time.time() - started:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
