#!/usr/bin/python3
"""Headless Chromium (360×800, from disk) on the archive of rounds: the notice list with each window's
state, a summary notice's page, the 更新记录 page, and the calculator on a session two rounds reopened.

Expected values are worked out from the notices, never read from the site:
- 通知 2025-01-15, 一(一): applications 2025年1月22日9:00 至 2025年2月28日17:00 (Beijing time); 三(一)1 sets the
  2023年上半年 软考 line at 40分(含) in every subject; 二(一) the local applicants; 四 the procedure.
- 通告 2024-09-20 (kept as a summary; ../shared/research/domain-facts.md §4.1): applications 2024年9月23日9:00 至
  2024年10月25日17:00; it reopened 2023年上半年 软考 too.
- The round that answers for a session at an instant: the one open then; else the next to open; else the one
  that closed last (docs/content-format.md, "The archive"). 软考 national mark 45 (Content/exams/ruankao.md),
  so 40/40 at 初级 of 2023年上半年 is eligible for a candidate who registered in a delineated area.

Clock-dependent expectations are computed from the machine's real time; two more runs fix the browser's
clock (Date.now) inside and between the windows.

Usage: archive_test.py [SITE_DIR]   (default Site). Run by run.sh after calculator_test.py.
"""
import datetime
import pathlib
import re
import sys
import traceback

from selenium.webdriver.common.by import By

from calculator_test import SHOTS, SITE, browser, fill, page, verdict

BEIJING = datetime.timezone(datetime.timedelta(hours=8))
ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def beijing(year, month, day, hour, minute):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=BEIJING)


# id → (page, name, application start, end, official clause anchors available?)
ROUNDS = {
    "2025-01-15": {"page": "notice.html", "name": "2025年1月15日通知", "start": beijing(2025, 1, 22, 9, 0),
                   "end": beijing(2025, 2, 28, 17, 0), "start_text": "2025年1月22日9:00", "end_text": "2025年2月28日17:00"},
    "2024-09-20": {"page": "notice-2024-09-20.html", "name": "2024年9月20日通告", "start": beijing(2024, 9, 23, 9, 0),
                   "end": beijing(2024, 10, 25, 17, 0), "start_text": "2024年9月23日9:00", "end_text": "2024年10月25日17:00"},
}


def state(round_, now):
    if now < round_["start"]:
        return "before"
    return "open" if now <= round_["end"] else "closed"


def applicable(now):
    """The round deciding 2023年上半年 (covered by both) at `now`."""
    rounds = list(ROUNDS.values())
    open_ = [r for r in rounds if state(r, now) == "open"]
    if open_:
        return open_[0]
    before = [r for r in rounds if state(r, now) == "before"]
    if before:
        return min(before, key=lambda r: r["start"])
    return max(rounds, key=lambda r: r["end"])


def window_words(round_, now):
    """What the verdict's second reason must say about the window (dates as the notices write them)."""
    s = state(round_, now)
    if s == "closed":
        return [round_["end_text"], "截止"]
    return [round_["start_text"], round_["end_text"], "尚未开始" if s == "before" else "受理"]


def expected_links(round_):
    if round_["page"] == "notice.html":  # the full notice: 二(一), 三(一)1, 一(一), 四
        return ["notice.html", "notice.html#c2-1", "notice.html#c3-1-1", "notice.html#c1-1", "notice.html#c4"]
    return [round_["page"]]  # a summary cites no clause


def frozen_browser(moment):
    """A browser whose pages see `moment` as the present (Date.now), before any of their scripts run."""
    driver = browser()
    millis = int(moment.timestamp() * 1000)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": f"Date.now = () => {millis};"})
    return driver


# The site under test is built at the real present: a round that had closed then is closed for good,
# whatever the browser's clock says; other rounds follow the browser's clock (window.js).
BUILT = datetime.datetime.now(BEIJING)


def shown_state(round_, now):
    return "closed" if state(round_, BUILT) == "closed" else state(round_, now)


def check_notice_list(driver, now):
    driver.get(page("notices.html"))
    for notice_id, round_ in ROUNDS.items():
        section = driver.find_element(By.ID, notice_id)
        text = section.text
        assert f"{round_['start_text']}至{round_['end_text']}" in text, text
        line = section.find_element(By.CSS_SELECTOR, ".state")
        assert line.is_displayed(), f"no state shown for {notice_id}"
        assert line.get_attribute("data-state") == shown_state(round_, now), (notice_id, line.get_attribute("data-state"), now)
        words = window_words(round_, BUILT if shown_state(round_, now) == "closed" else now)
        assert all(w in line.text for w in words[-1:]), (line.text, words)
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "section.round h2 a")]
    assert titles == ["2025年1月15日通知", "2024年9月20日通告"], titles


def check_calculator(driver, now):
    driver.get(page("calculator.html"))
    fill(driver, "ruankao", "2023-H1", "junior", ["40", "40"], "local")
    v = verdict(driver)
    round_ = applicable(now)
    assert v["status"] == "eligible", v
    assert any("40分(含)" in r for r in v["reasons"]), v["reasons"]
    assert all(w in v["reasons"][1] for w in window_words(round_, now)), (v["reasons"], window_words(round_, now))
    assert v["links"] == expected_links(round_), v["links"]
    assert v["basis"].startswith("依据:" + round_["name"]), v["basis"]
    if round_["page"] != "notice.html":
        assert "摘要" in v["basis"], v["basis"]
    return v


def test_notice_list_shows_each_rounds_state_now(driver):
    now = datetime.datetime.now(BEIJING)
    check_notice_list(driver, now)
    driver.save_screenshot(str(SHOTS / "notices.png"))


def test_calculator_picks_the_round_for_an_archived_session_now(driver):
    now = datetime.datetime.now(BEIJING)
    check_calculator(driver, now)
    driver.save_screenshot(str(SHOTS / "calculator-archive-now.png"))


def test_with_the_clock_inside_the_first_round():
    moment = beijing(2024, 10, 1, 10, 0)  # 2023年上半年 → the 2024-09-20 round, open
    assert applicable(moment)["page"] == "notice-2024-09-20.html" and state(applicable(moment), moment) == "open"
    driver = frozen_browser(moment)
    try:
        check_notice_list(driver, moment)
        v = check_calculator(driver, moment)
        assert v["reasons"][1] == "申请时间为2024年9月23日9:00至2024年10月25日17:00,现在正在受理。", v["reasons"]
        driver.save_screenshot(str(SHOTS / "calculator-first-round.png"))
    finally:
        driver.quit()


def test_with_the_clock_between_the_rounds():
    moment = beijing(2024, 12, 1, 12, 0)  # first round closed, second not yet open → the second, before
    assert applicable(moment)["page"] == "notice.html" and state(applicable(moment), moment) == "before"
    driver = frozen_browser(moment)
    try:
        check_notice_list(driver, moment)
        check_calculator(driver, moment)
    finally:
        driver.quit()


def test_summary_notice_page(driver):
    driver.get(page("notice-2024-09-20.html"))
    main = driver.find_element(By.TAG_NAME, "main")
    banner = driver.find_element(By.CSS_SELECTOR, ".banner")
    assert banner.is_displayed() and "摘要,非原文" in banner.text, banner.text
    assert not driver.find_elements(By.CSS_SELECTOR, ".clause"), "a summary has no clauses"
    assert "2024年9月23日9:00至2024年10月25日17:00" in main.text, main.text
    outside = [a.get_attribute("href") for a in main.find_elements(By.CSS_SELECTOR, "a") if a.get_attribute("href").startswith("http")]
    assert len(outside) >= 1, "the summary names the sources it was read from"
    newest = main.find_element(By.CSS_SELECTOR, ".note a")
    assert newest.get_attribute("href").endswith("/notice.html"), newest.get_attribute("href")
    driver.save_screenshot(str(SHOTS / "notice-summary.png"))
    driver.find_element(By.CSS_SELECTOR, "a.script").click()
    assert driver.current_url.endswith("/zh-Hant/notice-2024-09-20.html"), driver.current_url
    assert "摘要,非原文" in driver.find_element(By.CSS_SELECTOR, ".banner").text


def changelog_entries():
    """(day, lines) per entry of Content/changelog.md, newest first, as an editor wrote them."""
    text = (ROOT / "Content" / "changelog.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    entries = []
    for heading, body in re.findall(r"^## (\d{4}-\d{2}-\d{2})[^\n]*\n(.*?)(?=^## |\Z)", text, re.S | re.M):
        lines = [re.sub(r"\\(.)", r"\1", m) for m in re.findall(r"^- (.*)$", body, re.M)]
        entries.append((heading, lines))
    # Newest day first; of one day's entries, the one written last first (as the page orders them).
    return sorted(entries[::-1], key=lambda e: e[0], reverse=True)


def test_changelog_page(driver):
    driver.get(page("changelog.html"))
    sections = driver.find_elements(By.CSS_SELECTOR, "section.log")
    entries = changelog_entries()
    assert len(sections) == len(entries) >= 1, (len(sections), len(entries))
    for section, (day, lines) in zip(sections, entries):
        y, m, d = (int(x) for x in day.split("-"))
        assert section.find_element(By.TAG_NAME, "h2").text.startswith(f"{y}年{m}月{d}日"), section.text
        shown = [li.text for li in section.find_elements(By.TAG_NAME, "li")]
        assert shown == lines, (shown, lines)
    assert driver.find_element(By.CSS_SELECTOR, "main a[href$='feed.xml']").is_displayed()
    driver.save_screenshot(str(SHOTS / "changelog.png"))


def main():
    SHOTS.mkdir(parents=True, exist_ok=True)
    tests = [t for name, t in sorted(globals().items()) if name.startswith("test_")]
    passed = failed = 0
    driver = browser()
    try:
        for test in tests:
            try:
                test(driver) if test.__code__.co_argcount else test()
                passed += 1
                print(f"ok   {test.__name__}")
            except Exception:
                failed += 1
                print(f"FAIL {test.__name__}")
                traceback.print_exc()
    finally:
        driver.quit()
    print(f"browser (archive): {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
