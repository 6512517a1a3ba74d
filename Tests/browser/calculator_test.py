#!/usr/bin/python3
"""Headless Chromium at phone size (360×800) uses the published site from disk (file://), as a candidate
would: fills the calculator, presses the button, reads the verdict, switches script, and leaves
screenshots under .build/browser/.

Expected values are worked out from the notice of 2025-01-15: 三(一)4 sets the 2024年下半年 高级 line at
40分(含) for every subject; the national mark is 45 of 75 (Content/exams/ruankao.md). 40/41/44 reach 40 in
every subject but not 45 in all, so a candidate registered in a delineated area (二(一)) may apply, citing
二(一), 三(一)4, the application window 一(一) and the procedure 四.

Usage: calculator_test.py [SITE_DIR]   (default Site). Needs chromium, chromium-driver, python3-selenium.
"""
import datetime
import os
import pathlib
import sys
import traceback

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

SITE = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "Site").resolve()
SHOTS = pathlib.Path(os.environ.get("SCREENSHOT_DIR", ".build/browser")).resolve()


def browser(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,800"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 800, "deviceScaleFactor": 2, "mobile": True})
    return driver


def page(name, variant=""):
    return (SITE / variant / name).as_uri()


def visible(driver, css):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def console_problems(driver):
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] in ("SEVERE", "WARNING") and "favicon" not in entry["message"]]


def fill(driver, exam, session, level, scores, category):
    Select(driver.find_element(By.ID, "exam")).select_by_value(exam)
    Select(driver.find_element(By.ID, "session")).select_by_value(session)
    Select(driver.find_element(By.ID, "level")).select_by_value(level)
    inputs = visible(driver, "#scores input")
    assert len(inputs) == len(scores), f"{len(inputs)} score fields for {len(scores)} scores"
    for field, score in zip(inputs, scores):
        field.clear()
        field.send_keys(score)
    if category:
        driver.find_element(By.ID, "category-" + category).click()
    driver.find_element(By.CSS_SELECTOR, "#calc button").click()


def labels(driver):
    return [e.text for e in visible(driver, "#scores label")]


def verdict(driver):
    WebDriverWait(driver, 5).until(lambda d: d.find_element(By.ID, "result").is_displayed())
    result = driver.find_element(By.ID, "result")
    return {
        "status": result.get_attribute("data-status"),
        "title": result.find_element(By.CSS_SELECTOR, "h2").text,
        "reasons": [li.text for li in result.find_elements(By.CSS_SELECTOR, "ul li")],
        "links": [a.get_attribute("href").split("/")[-1] for a in result.find_elements(By.CSS_SELECTOR, ":scope > p a")],
        "basis": result.find_element(By.CSS_SELECTOR, ":scope > p").text,
        "focused": driver.switch_to.active_element.get_attribute("id"),
    }


def test_senior_eligible_from_disk(driver):
    driver.get(page("calculator.html"))
    assert driver.find_element(By.ID, "calc").is_displayed(), "the form stays hidden: the scripts did not run under file://"
    Select(driver.find_element(By.ID, "exam")).select_by_value("ruankao")
    Select(driver.find_element(By.ID, "level")).select_by_value("senior")
    assert labels(driver) == ["综合知识", "案例分析", "论文"], labels(driver)
    Select(driver.find_element(By.ID, "level")).select_by_value("junior")
    assert labels(driver) == ["基础知识", "应用技术"], labels(driver)
    fill(driver, "ruankao", "2024-H2", "senior", ["40", "41", "44"], "local")
    v = verdict(driver)
    assert v["status"] == "eligible", v
    assert v["title"].startswith("✓") and "符合申领条件" in v["title"], v["title"]
    # After the close (notice 一(一): 至2月28日17:00) the headline says both at once.
    if datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))) > datetime.datetime(2025, 2, 28, 17, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8))):
        assert "但本轮申请已于2025年2月28日17:00截止" in v["title"], v["title"]
    assert any("40分(含)" in r and "45分" in r for r in v["reasons"]), v["reasons"]
    assert v["links"] == ["notice.html", "notice.html#c2-1", "notice.html#c3-1-4", "notice.html#c1-1", "notice.html#c4"], v["links"]
    assert v["basis"].startswith("依据:2025年1月15日通知 二(一)、三(一)4、一(一)、四"), v["basis"]
    assert v["focused"] == "result", f"focus is on {v['focused']}"
    driver.find_element(By.ID, "result").screenshot(str(SHOTS / "calculator-result.png"))
    driver.save_screenshot(str(SHOTS / "calculator-eligible.png"))
    assert not console_problems(driver), console_problems(driver)


def test_one_subject_below_the_line(driver):
    driver.get(page("calculator.html"))
    fill(driver, "ruankao", "2024-H2", "senior", ["39", "45", "45"], "local")
    v = verdict(driver)
    assert v["status"] == "below-threshold", v
    assert v["title"].startswith("✗"), v["title"]
    assert len(v["reasons"]) == 1 and "综合知识39分" in v["reasons"][0] and "40分(含)" in v["reasons"][0], v["reasons"]


def test_error_next_to_its_field(driver):
    driver.get(page("calculator.html"))
    fill(driver, "tongxin", "2024", "intermediate", ["abc", "55"], "local")
    error = driver.find_element(By.ID, "scores-error")
    assert error.is_displayed() and "abc" in error.text, error.text
    assert not driver.find_element(By.ID, "result").is_displayed()
    first = visible(driver, "#scores input")[0]
    assert first.get_attribute("aria-invalid") == "true"
    assert driver.switch_to.active_element == first, "focus did not move to the field in error"
    driver.get(page("calculator.html"))
    fill(driver, "tongxin", "2024", "intermediate", ["50", "59"], None)
    assert "local" in driver.find_element(By.ID, "category-error").text


def test_switch_script(driver):
    driver.get(page("calculator.html"))
    driver.find_element(By.CSS_SELECTOR, "a.script").click()
    assert driver.current_url.endswith("/zh-Hant/calculator.html"), driver.current_url
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant"
    Select(driver.find_element(By.ID, "exam")).select_by_value("ruankao")
    Select(driver.find_element(By.ID, "level")).select_by_value("senior")
    assert labels(driver) == ["綜合知識", "案例分析", "論文"], labels(driver)
    fill(driver, "ruankao", "2024-H2", "senior", ["40", "41", "44"], "local")
    v = verdict(driver)
    assert v["status"] == "eligible" and "符合申領條件" in v["title"], v
    assert any("單獨劃線" in r for r in v["reasons"]), v["reasons"]
    assert v["links"][:2] == ["notice.html", "notice.html#c2-1"], v["links"]
    driver.save_screenshot(str(SHOTS / "calculator-zh-Hant.png"))
    driver.find_element(By.CSS_SELECTOR, "a.script").click()
    assert driver.current_url.endswith("/calculator.html") and "/zh-Hant/" not in driver.current_url


def test_home_window_state_and_notice(driver):
    driver.get(page("index.html"))
    state = driver.find_element(By.ID, "window-state")
    assert state.is_displayed() and state.get_attribute("data-state") in ("before", "open", "closed"), state.text
    assert "2025年2月28日17:00" in driver.find_element(By.TAG_NAME, "main").text
    driver.save_screenshot(str(SHOTS / "home.png"))
    driver.get(page("notice.html") + "#c3-1-4")
    clause = driver.find_element(By.ID, "c3-1-4")
    assert "高级各科目合格标准均为 40分(含)" in clause.text, clause.text
    assert not console_problems(driver), console_problems(driver)


def test_no_external_requests(driver):
    for name in ("index.html", "calculator.html", "notice.html", "faq.html", "areas.html"):
        driver.get(page(name))
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    outside = [u for u in urls if not u.startswith("file://")]
    assert not outside, outside


def test_without_javascript():
    driver = browser(javascript=False)
    try:
        driver.get(page("calculator.html"))
        assert not driver.find_element(By.ID, "calc").is_displayed(), "the form shows without JavaScript"
        text = driver.find_element(By.ID, "by-hand").text
        assert "2024年下半年" in text and "40" in text and "45" in text, text
        driver.save_screenshot(str(SHOTS / "calculator-no-js.png"))
        driver.get(page("index.html"))
        assert "2025年2月28日17:00" in driver.find_element(By.TAG_NAME, "main").text
    finally:
        driver.quit()


def main():
    SHOTS.mkdir(parents=True, exist_ok=True)
    if not (SITE / "calculator.html").exists():
        print(f"no site at {SITE}: run `passline build` first")
        return 2
    tests = [t for name, t in sorted(globals().items()) if name.startswith("test_")]
    passed = failed = 0
    driver = browser()
    try:
        for test in tests:
            try:
                if test.__code__.co_argcount:
                    test(driver)
                else:
                    test()
                passed += 1
                print(f"ok   {test.__name__}")
            except Exception:
                failed += 1
                print(f"FAIL {test.__name__}")
                traceback.print_exc()
    finally:
        driver.quit()
    print(f"browser: {passed} passed, {failed} failed")
    print(f"screenshots in {SHOTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
